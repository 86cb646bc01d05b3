/** Page state kept in the URL, so a filtered view can be linked and survives a reload. */
import { useSearchParams } from "react-router";

const isEmpty = (_key: string, value: string) => value === "";

/**
 * The search params and a `patch` that sets several keys at once (replacing the
 * history entry); a key whose new value `isDefault` is removed, so URLs stay short.
 */
export function useUrlParams(isDefault: (key: string, value: string) => boolean = isEmpty): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const patch = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (isDefault(key, value)) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return [params, patch];
}
