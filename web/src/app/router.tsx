import { createBrowserRouter } from "react-router";
import { CatalogPage } from "../features/catalog/components/catalog-page";
import { NotFound } from "../components/ui/not-found";
import { Layout } from "./layout";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <CatalogPage /> },
      { path: "/c/:category", element: <CatalogPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);
