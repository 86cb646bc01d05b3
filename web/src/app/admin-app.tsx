/**
 * The staff console, `/admin/*`: a lazily loaded chunk (never part of the
 * storefront's first paint). The guard mounts no data view until the ID token
 * carries a staff or admin role; Firestore rules and the callables refuse
 * everyone else anyway.
 */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { AdminLayout } from "../features/admin/components/admin-layout";
import { StaffGuard } from "../features/admin/components/staff-guard";
import { Loading } from "../components/ui/status";
import "../components/admin/admin.css";

const DashboardPage = lazy(() => import("../features/admin/components/dashboard-page").then((m) => ({ default: m.DashboardPage })));
const InventoryBoard = lazy(() => import("../features/inventory/components/inventory-board").then((m) => ({ default: m.InventoryBoard })));
const ReceivingPage = lazy(() => import("../features/inventory/components/receiving-page").then((m) => ({ default: m.ReceivingPage })));
const OrdersPage = lazy(() => import("../features/orders/components/orders-page").then((m) => ({ default: m.OrdersPage })));
const OrderDetail = lazy(() => import("../features/orders/components/order-detail").then((m) => ({ default: m.OrderDetail })));
const ProductsPage = lazy(() => import("../features/products/components/products-page").then((m) => ({ default: m.ProductsPage })));
const ProductEditor = lazy(() => import("../features/products/components/product-editor").then((m) => ({ default: m.ProductEditor })));
const CustomersPage = lazy(() => import("../features/customers/components/customers-page").then((m) => ({ default: m.CustomersPage })));
const AuditPage = lazy(() => import("../features/audit/components/audit-page").then((m) => ({ default: m.AuditPage })));
const LedgerPage = lazy(() => import("../features/audit/components/ledger-page").then((m) => ({ default: m.LedgerPage })));
const RolesPage = lazy(() => import("../features/admin/components/roles-page").then((m) => ({ default: m.RolesPage })));
const ApiKeysPage = lazy(() => import("../features/api-keys/components/api-keys-page").then((m) => ({ default: m.ApiKeysPage })));
const FeedbackResultsPage = lazy(() => import("../features/feedback-admin/components/feedback-results-page").then((m) => ({ default: m.FeedbackResultsPage })));
const FeedbackTasksPage = lazy(() => import("../features/feedback-admin/components/feedback-tasks-page").then((m) => ({ default: m.FeedbackTasksPage })));
const LocationsPage = lazy(() => import("../features/locations/components/locations-page").then((m) => ({ default: m.LocationsPage })));
const OperationsPage = lazy(() => import("../features/operations").then((m) => ({ default: m.OperationsPage })));
const DemandPage = lazy(() => import("../features/feedback-admin/components/demand-page").then((m) => ({ default: m.DemandPage })));
const WebhooksPage = lazy(() => import("../features/webhooks/components/webhooks-page").then((m) => ({ default: m.WebhooksPage })));

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
              <Route path="locations" element={<LocationsPage isAdmin={session.role === "admin"} />} />
              <Route path="orders" element={<OrdersPage />} />
              <Route path="orders/:orderId" element={<OrderDetail />} />
              <Route path="products" element={<ProductsPage />} />
              <Route path="products/new" element={<ProductEditor />} />
              <Route path="products/:productId" element={<ProductEditor />} />
              <Route path="customers" element={<CustomersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="ledger" element={<LedgerPage />} />
              <Route path="roles" element={<RolesPage isAdmin={session.role === "admin"} />} />
              <Route path="feedback" element={<FeedbackResultsPage />} />
              <Route path="feedback/tasks" element={<FeedbackTasksPage />} />
              <Route path="feedback/demand" element={<DemandPage />} />
              <Route path="api-keys" element={<ApiKeysPage isAdmin={session.role === "admin"} />} />
              <Route path="operations" element={<OperationsPage isAdmin={session.role === "admin"} />} />
              <Route path="webhooks" element={<WebhooksPage isAdmin={session.role === "admin"} />} />
              <Route path="*" element={<h1>Page not found</h1>} />
            </Routes>
          </Suspense>
        </AdminLayout>
      )}
    </StaffGuard>
  );
}
