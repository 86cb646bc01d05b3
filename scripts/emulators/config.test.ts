import { describe, expect, it } from "vitest";
import { mailPortsOf, parseSlot, portsOf, readFirebaseJson, shiftPorts } from "./config.js";

describe("emulator slots", () => {
  it("slot 0 keeps the DESIGN ports", () => {
    expect(portsOf(shiftPorts(readFirebaseJson(), 0))).toEqual({ firestore: 8080, auth: 9099, functions: 5001, pubsub: 8085, hub: 4400 });
    expect(mailPortsOf(0)).toEqual({ smtp: 1025, mailWeb: 1080 });
  });

  it("moves every port, websocket included, by 10 per slot and leaves the UI off", () => {
    const shifted = shiftPorts(readFirebaseJson(), 3);
    expect(portsOf(shifted)).toEqual({ firestore: 8110, auth: 9129, functions: 5031, pubsub: 8115, hub: 4430 });
    expect(mailPortsOf(3)).toEqual({ smtp: 1055, mailWeb: 1110 });
    expect(shifted.emulators.firestore).toMatchObject({ websocketPort: 9180 });
    expect(shifted.emulators.ui).toEqual({ enabled: false });
  });

  it("rejects slots that are not 0–9", () => {
    expect(parseSlot(undefined)).toBe(0);
    expect(parseSlot("4")).toBe(4);
    for (const bad of ["-1", "10", "1.5", "one"]) expect(() => parseSlot(bad)).toThrow(/SHOWROOM_EMULATOR_SLOT/);
  });

  it("refuses a slot that would put an emulator on a port fetch and browsers block", () => {
    // Slot 6 moves Functions from 5001 to 5061 (SIP over TLS), a WHATWG "bad port".
    expect(() => parseSlot("6")).toThrow(/5061/);
  });
});
