/**
 * The staff console, `/admin/*`: a lazily loaded chunk (never part of the
 * storefront's first paint). The guard mounts no data view until the ID token
 * carries a staff or admin role; Firestore rules and the callables refuse
 * everyone else anyway.
 */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { AdminLayout } from "./components/admin-layout";
import { StaffGuard } from "./components/staff-guard";
import { Loading } from "../../components/ui/status";
import "./admin.css";

const DashboardPage = lazy(() => import("./components/dashboard-page").then((m) => ({ default: m.DashboardPage })));
const InventoryBoard = lazy(() => import("./components/inventory-board").then((m) => ({ default: m.InventoryBoard })));
const ReceivingPage = lazy(() => import("./components/receiving-page").then((m) => ({ default: m.ReceivingPage })));
const OrdersPage = lazy(() => import("./components/orders-page").then((m) => ({ default: m.OrdersPage })));
const OrderDetail = lazy(() => import("./components/order-detail").then((m) => ({ default: m.OrderDetail })));
const ProductsPage = lazy(() => import("./components/products-page").then((m) => ({ default: m.ProductsPage })));
const ProductEditor = lazy(() => import("./components/product-editor").then((m) => ({ default: m.ProductEditor })));
const CustomersPage = lazy(() => import("./components/customers-page").then((m) => ({ default: m.CustomersPage })));
const AuditPage = lazy(() => import("./components/audit-page").then((m) => ({ default: m.AuditPage })));
const LedgerPage = lazy(() => import("./components/ledger-page").then((m) => ({ default: m.LedgerPage })));
const FeedbackResultsPage = lazy(() => import("../feedback-admin/components/feedback-results-page").then((m) => ({ default: m.FeedbackResultsPage })));
const FeedbackTasksPage = lazy(() => import("../feedback-admin/components/feedback-tasks-page").then((m) => ({ default: m.FeedbackTasksPage })));
const RolesPage = lazy(() => import("./components/roles-page").then((m) => ({ default: m.RolesPage })));

export function AdminApp() {
  return (
    <StaffGuard>
      {(session) => (
        <AdminLayout session={session}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route index element={<DashboardPage />} />
              <Route path="inventory" element={<InventoryBoard />} />
              <Route path="receiving" element={<ReceivingPage />} />
              <Route path="orders" element={<OrdersPage />} />
              <Route path="orders/:orderId" element={<OrderDetail />} />
              <Route path="products" element={<ProductsPage />} />
              <Route path="products/new" element={<ProductEditor />} />
              <Route path="products/:productId" element={<ProductEditor />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="ledger" element={<LedgerPage />} />
              <Route path="feedback" element={<FeedbackResultsPage />} />
              <Route path="feedback/tasks" element={<FeedbackTasksPage />} />
              <Route path="roles" element={<RolesPage isAdmin={session.role === "admin"} />} />
              <Route path="*" element={<h1>Page not found</h1>} />
            </Routes>
          </Suspense>
        </AdminLayout>
      )}
    </StaffGuard>
  );
}
