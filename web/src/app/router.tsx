/**
 * Routes. Home and catalog are in the entry chunk and paint from Firestore
 * Lite; every other page is a lazy chunk that may use the live SDK.
 */
import { createBrowserRouter } from "react-router";
import { NotFound } from "../components/ui/not-found";
import { CatalogPage } from "../features/catalog/components/catalog-page";
import { HomePage } from "../features/catalog/components/home-page";
import { Layout } from "./layout";

export const router = createBrowserRouter([
  // Staff console: its own layout, loaded only when visited.
  { path: "/admin/*", lazy: async () => ({ Component: (await import("../features/admin/admin-app")).AdminApp }) },
  {
    element: <Layout />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/shop", element: <CatalogPage /> },
      { path: "/search", element: <CatalogPage /> },
      { path: "/c/:category", element: <CatalogPage /> },
      { path: "/p/:productId", lazy: async () => ({ Component: (await import("../features/product/components/product-page")).ProductPage }) },
      { path: "/cart", lazy: async () => ({ Component: (await import("../features/cart/components/cart-page")).CartPage }) },
      { path: "/checkout", lazy: async () => ({ Component: (await import("../features/checkout/components/checkout-page")).CheckoutPage }) },
      { path: "/orders/:orderId", lazy: async () => ({ Component: (await import("../features/orders/components/order-page")).OrderPage }) },
      { path: "/sign-in", lazy: async () => ({ Component: (await import("../features/auth/components/auth-page")).SignInPage }) },
      { path: "/sign-up", lazy: async () => ({ Component: (await import("../features/auth/components/auth-page")).SignUpPage }) },
      { path: "/account", lazy: async () => ({ Component: (await import("../features/account/components/account-page")).AccountPage }) },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
