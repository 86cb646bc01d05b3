/** What other features may use of the cart: its lines, live, and the changes checkout and the product page make. */
export { addToCart, cartTotalCents, clearCart, findLine, removeLine, setQuantity, useCart, type CartLine } from "./api/cart-store";
