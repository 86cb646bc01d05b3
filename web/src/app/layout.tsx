import { Link, Outlet } from "react-router";

export function Layout() {
  return (
    <>
      <header className="site-header">
        <Link to="/" className="brand">
          Showroom
        </Link>
        <span className="tagline">Furniture &amp; decor, with stock you can trust</span>
      </header>
      <main>
        <Outlet />
      </main>
      <footer className="site-footer">Showroom demo store</footer>
    </>
  );
}
