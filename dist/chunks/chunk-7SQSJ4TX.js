import {
  code,
  escapeHtml
} from "./chunk-IFITZ7OM.js";

// src/summary-revocation.ts
function revocationSummary(id, result, detail) {
  const label = {
    revoked: "revoked",
    "already-gone": "already gone (counts as revoked)",
    "unknown-id": "not known to Dynatrace (nothing to revoke)",
    failed: "<strong>not revoked</strong>",
    skipped: "not revoked"
  };
  return (s) => {
    s.addHeading("Dynatrace token revocation", 3);
    s.addRaw(
      `<p>Token ${code(id)}: ${label[result]}. ${escapeHtml(detail)}</p>`,
      true
    );
  };
}

export {
  revocationSummary
};
