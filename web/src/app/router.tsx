/**
 * Routes. Home and catalog are in the entry chunk and paint from a REST
 * read (no SDK); every other page is a lazy chunk that may use the live SDK.
 * Declarative routes (not the data router): the app loads its own data, and
 * the data router's code would cost the catalog's first paint ~10 KB gzip.
 */
import { lazy } from "react";
import { Route, Routes } from "react-router";
import { NotFound } from "../components/ui/not-found";
import { CatalogPage } from "../features/catalog/components/catalog-page";
import { HomePage } from "../features/catalog/components/home-page";
import { Layout } from "./layout";

const AdminApp = lazy(async () => ({ default: (await import("./admin-app")).AdminApp }));
const ProductPage = lazy(async () => ({ default: (await import("../features/product/components/product-page")).ProductPage }));
const CartPage = lazy(async () => ({ default: (await import("../features/cart/components/cart-page")).CartPage }));
const CheckoutPage = lazy(async () => ({ default: (await import("../features/checkout/components/checkout-page")).CheckoutPage }));
const OrderPage = lazy(async () => ({ default: (await import("../features/orders/components/order-page")).OrderPage }));
const SignInPage = lazy(async () => ({ default: (await import("../features/auth/components/auth-page")).SignInPage }));
const SignUpPage = lazy(async () => ({ default: (await import("../features/auth/components/auth-page")).SignUpPage }));
const SurveyPage = lazy(async () => ({ default: (await import("../features/feedback/components/survey-page")).SurveyPage }));
const AccountPage = lazy(async () => ({ default: (await import("../features/account/components/account-page")).AccountPage }));

export function AppRoutes() {
  return (
    <Routes>
      {/* Staff console: its own layout, loaded only when visited. */}
      <Route path="/admin/*" element={<AdminApp />} />
      <Route element={<Layout />}>
        <Route path="/" element={<HomePage />} />
        <Route path="/shop" element={<CatalogPage />} />
        <Route path="/search" element={<CatalogPage />} />
        <Route path="/c/:category" element={<CatalogPage />} />
        <Route path="/p/:productId" element={<ProductPage />} />
        <Route path="/cart" element={<CartPage />} />
        <Route path="/checkout" element={<CheckoutPage />} />
        <Route path="/orders/:orderId" element={<OrderPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path="/survey/:orderId" element={<SurveyPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
