import { Suspense } from "react";
import { Link, NavLink, Outlet, useNavigate, useSearchParams } from "react-router";
import { Loading } from "../components/ui/status";
import { cartCount, useCart } from "../features/cart/api/cart-store";

export function Layout() {
  const count = cartCount(useCart());
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const onSearch = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get("q") ?? "").trim();
    void navigate(q ? `/search?q=${encodeURIComponent(q)}` : "/shop");
  };
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Showroom
        </Link>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/shop">Shop</NavLink>
          <NavLink to="/c/sofas">Sofas</NavLink>
          <NavLink to="/c/lighting">Lighting</NavLink>
        </nav>
        <form action="/search" role="search" className="site-search" onSubmit={onSearch}>
          <label htmlFor="site-search" className="visually-hidden">
            Search products
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search by name" defaultValue={search.get("q") ?? ""} key={search.get("q") ?? ""} />
          <button type="submit">Search</button>
        </form>
        <nav aria-label="Account" className="account-nav">
          <NavLink to="/account">Account</NavLink>
          <NavLink to="/cart" aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}>
            Cart <span className="badge">{count}</span>
          </NavLink>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Showroom — furniture &amp; decor, with stock you can trust.</p>
        <p className="muted">Free delivery on orders over $500 · 30-day returns</p>
      </footer>
    </>
  );
}
