import { Link } from "react-router";

export function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>
        That page has moved or never existed. <Link to="/">Back to the collection</Link>
      </p>
    </section>
  );
}
