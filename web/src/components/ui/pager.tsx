/** Previous / next page buttons in a labelled nav; `children` sit between them (the catalog's "Page 2"). */
import type { ReactNode } from "react";

export function Pager({
  label,
  className,
  buttonClassName,
  arrows = false,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  children,
}: {
  label: string;
  className: string;
  buttonClassName?: string;
  /** "← Previous page" and "Next page →" (the console's buttons). */
  arrows?: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  children?: ReactNode;
}) {
  return (
    <nav className={className} aria-label={label}>
      <button type="button" className={buttonClassName} disabled={!hasPrevious} onClick={onPrevious}>
        {arrows ? "← Previous page" : "Previous page"}
      </button>
      {children}
      <button type="button" className={buttonClassName} disabled={!hasNext} onClick={onNext}>
        {arrows ? "Next page →" : "Next page"}
      </button>
    </nav>
  );
}
