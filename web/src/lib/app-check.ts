/**
 * App Check for the web app: callables accept only requests from this app
 * when enforcement is on (functions/src/config.ts). Production attests with
 * reCAPTCHA Enterprise (VITE_APP_CHECK_SITE_KEY); on the emulators the app
 * presents the unsigned token the Functions emulator accepts
 * (`@showroom/model/app-check` explains why not the debug provider).
 */
import type { FirebaseApp } from "firebase/app";
import { CustomProvider, initializeAppCheck, ReCaptchaEnterpriseProvider } from "firebase/app-check";
import { emulatorAppCheckToken } from "@showroom/model/app-check";
import { config } from "../config/env";

export function startAppCheck(app: FirebaseApp): void {
  if (config.appCheckSiteKey) {
    initializeAppCheck(app, { provider: new ReCaptchaEnterpriseProvider(config.appCheckSiteKey), isTokenAutoRefreshEnabled: true });
  } else if (config.emulators) {
    const appId = app.options.appId;
    initializeAppCheck(app, { provider: new CustomProvider({ getToken: async () => emulatorAppCheckToken(appId) }), isTokenAutoRefreshEnabled: true });
  }
  // Neither: a real project built without a site key sends no App Check token; keep enforcement off there.
}
