import { TOKEN_KIND, bearerName, closingSections, environmentHtml, prepare, row, summarize } from "./group-main-F9FADEA7.js";
import "./group-shared-6CC45263.js";
import { Output } from "./group-shared-6CC45263.js";
import { setOutput } from "./group-shared-6CC45263.js";
import { code, escapeHtml } from "./group-shared-6CC45263.js";

import { formatDuration } from "./group-shared-6CC45263.js";








// src/summary-plan.ts
function planSummary(info) {
  return (s) => {
    const environment = environmentHtml(info.environment);
    const planned = info.planned;
    s.addHeading("Dynatrace credentials \u2014 plan", 2);
    s.addRaw(
      "<p>Nothing was changed and no token was created. This is what <code>mode: mint</code> with the same inputs would do.</p>",
      true
    );
    if (info.tokenType === "none" || !planned) {
      s.addRaw(
        `<p>No token: <code>token-type: none</code> hands on only the ${bearerName(info)} (output <code>access-token</code>${info.auth === "github-oidc" ? "" : ", valid about 5 minutes"}).</p>`,
        true
      );
    } else {
      const rows = [
        `<tr><th>Token to mint</th><th>${escapeHtml(TOKEN_KIND[info.tokenType])}</th></tr>`,
        row("Name", escapeHtml(planned.name)),
        ...environment ? [row("Environment", environment)] : [],
        row(
          "Scopes",
          `${planned.scopes.map(code).join(", ")}${planned.derived ? "<br>Derived from the Monaco project (see below)." : ""}`
        ),
        row("Lifetime", escapeHtml(formatDuration(info.lifetimeSeconds))),
        row(
          "Revocation",
          info.revoke ? "by the post step, when the job ends" : "off (<code>revoke: false</code>): it would stay valid until it expires"
        )
      ];
      s.addRaw(`<table>
${rows.join("\n")}
</table>`, true);
    }
    closingSections(s, info);
  };
}

// src/modes/plan.ts
async function plan(base, checked) {
  const prepared = await prepare(base, checked);
  const { inputs, log } = base;
  const { derived } = checked;
  const { session, iam } = prepared;
  const platformUrl = inputs.endpoints.platformUrl;
  if (session.federated && platformUrl) {
    const { checkTrust } = await import("./github-oidc-YV4UY3GK.js");
    await checkTrust(base, session.federated, platformUrl);
  }
  const planned = {
    iam: iam?.changes ?? null,
    token: await plannedToken(inputs, derived)
  };
  setOutput(Output.Plan, log.redact(JSON.stringify(planned)));
  log.info("Plan mode: nothing was changed and no token was created.");
  await summarize(
    prepared,
    {
      tokenType: inputs.token.type,
      planned: {
        name: inputs.tokenName,
        scopes: inputs.tokenScopes,
        derived: derived !== void 0
      },
      lifetimeSeconds: inputs.tokenLifetimeSeconds,
      revoke: inputs.revoke
    },
    planSummary
  );
}
async function plannedToken(inputs, derived) {
  if (inputs.token.type === "none") return null;
  const e = inputs.endpoints;
  return {
    type: inputs.token.type,
    name: inputs.tokenName,
    scopes: inputs.tokenScopes,
    lifetimeSeconds: inputs.tokenLifetimeSeconds,
    environment: e.environmentId ?? null,
    ...derived ? {
      scopesDerived: (await import("./derive-K3WPOHSI.js")).derivedPlan(
        derived
      )
    } : {}
  };
}
export {
  plan
};
