/** Loading, error and empty states, worded for shoppers. */
export function Loading({ children = "Loading…" }: { children?: React.ReactNode }) {
  return (
    <p role="status" className="state state--loading">
      <span className="spinner" aria-hidden="true" /> {children}
    </p>
  );
}

export function ErrorNote({ children }: { children: React.ReactNode }) {
  return (
    <p role="alert" className="state state--error">
      {children}
    </p>
  );
}

export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="state state--empty">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
