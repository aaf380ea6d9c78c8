import { escapeHtml } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";


// src/summary-failure.ts
function troubleshootingUrl(env = process.env) {
  const repo = env.GITHUB_ACTION_REPOSITORY;
  if (!repo || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return void 0;
  const server = /^https:\/\/[\w.-]+$/.test(env.GITHUB_SERVER_URL ?? "") ? env.GITHUB_SERVER_URL : "https://github.com";
  const ref = /^[\w./-]+$/.test(env.GITHUB_ACTION_REF ?? "") ? env.GITHUB_ACTION_REF : "HEAD";
  return `${server}/${repo}/blob/${ref}/TROUBLESHOOTING.md`;
}
function failureSummary(message, notes = []) {
  const [first = "", ...rest] = message.split("\n");
  const items = rest.map((line) => line.replace(/^\s*-\s*/, "").trim()).filter(Boolean);
  const url = troubleshootingUrl();
  return (s) => {
    s.addHeading("Dynatrace credentials: the step failed", 3);
    s.addRaw(`<p>${escapeHtml(first)}</p>`, true);
    if (items.length > 0) {
      s.addRaw(
        `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
        true
      );
    }
    for (const note of notes) s.addRaw(`<p>${escapeHtml(note)}</p>`, true);
    s.addRaw(
      `<p>Each message says what to do; ${url ? `<a href="${escapeHtml(url)}">TROUBLESHOOTING.md</a>` : "the action's TROUBLESHOOTING.md"} explains every one.</p>`,
      true
    );
  };
}
export {
  failureSummary
};
