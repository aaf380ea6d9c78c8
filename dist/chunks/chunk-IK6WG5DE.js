import { ACCOUNT_SCOPES, CLASSIC_LEGACY_SCOPES, CLASSIC_SCOPES, PLATFORM_SCOPES, RETIRED_SCOPE_PREFIXES } from "./group-main-F9FADEA7.js";

// src/scope-check.ts
function editDistance(a, b, max = Infinity) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Uint32Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur = new Uint32Array(t.length + 1);
  let distance = t.length;
  for (let i = 1; i <= s.length; i++) {
    const c = s.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    let diagonal = i - 1;
    let left = i;
    for (const [j, up] of prev.entries()) {
      if (j === 0) continue;
      const cost = c === t.charCodeAt(j - 1) ? 0 : 1;
      left = Math.min(up + 1, left + 1, diagonal + cost);
      cur[j] = left;
      diagonal = up;
      if (left < rowMin) rowMin = left;
    }
    if (rowMin > max) return max + 1;
    distance = left;
    [prev, cur] = [cur, prev];
  }
  return distance;
}
function words(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).sort().join(",");
}
function letterCounts(text) {
  const counts = /* @__PURE__ */ new Map();
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}
function letterDistance(a, b) {
  let extraA = 0;
  let extraB = 0;
  for (const [c, n] of a) extraA += Math.max(0, n - (b.get(c) ?? 0));
  for (const [c, n] of b) extraB += Math.max(0, n - (a.get(c) ?? 0));
  return Math.max(extraA, extraB);
}
var catalogueKeys = /* @__PURE__ */ new WeakMap();
function suggest(name, catalogue) {
  let keys = catalogueKeys.get(catalogue);
  if (keys === void 0) {
    keys = catalogue.map((entry) => ({
      entry,
      words: words(entry),
      letters: letterCounts(entry)
    }));
    catalogueKeys.set(catalogue, keys);
  }
  const target = words(name);
  const sameWords = keys.filter((k) => k.words === target).map((k) => k.entry);
  if (sameWords.length > 0) return sameWords.slice(0, 3);
  const limit = Math.max(2, Math.floor(name.length / 3));
  const nameLetters = letterCounts(name);
  const close = keys.filter(
    (k) => Math.abs(k.entry.length - name.length) <= limit && letterDistance(nameLetters, k.letters) <= limit
  ).map(({ entry: candidate }) => ({
    candidate,
    d: editDistance(name, candidate, limit)
  })).filter(({ d }) => d <= limit).sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate));
  const best = close[0]?.d;
  return close.filter(({ d }) => d === best).slice(0, 3).map(({ candidate }) => candidate);
}
function retiredReason(scope) {
  for (const [prefix, reason] of Object.entries(RETIRED_SCOPE_PREFIXES)) {
    if (scope.startsWith(prefix)) return reason;
  }
  return void 0;
}
function didYouMean(suggestions) {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?` : "";
}
function checkScope(scope, kind) {
  const retired = retiredReason(scope);
  if (retired) {
    return {
      scope,
      severity: "error",
      message: `"${scope}" is retired: ${retired}.`,
      suggestions: []
    };
  }
  if (kind === "classic") {
    if (CLASSIC_SCOPES.includes(scope)) return void 0;
    if (CLASSIC_LEGACY_SCOPES.includes(scope)) {
      return {
        scope,
        severity: "error",
        message: `"${scope}" is a legacy scope that can no longer be given to new tokens.`,
        suggestions: []
      };
    }
    const suggestions2 = suggest(scope, CLASSIC_SCOPES);
    const platformHint = scope.includes(":") && suggestions2.length === 0 ? ' It looks like a platform scope: classic tokens take names such as "ReadConfig" or "settings.read"; use token-type: platform for platform scopes.' : "";
    return {
      scope,
      severity: "error",
      message: `"${scope}" is not a classic API token scope.${didYouMean(suggestions2)}${platformHint}`,
      suggestions: suggestions2
    };
  }
  const catalogue = kind === "oauth" ? [...PLATFORM_SCOPES, ...ACCOUNT_SCOPES] : PLATFORM_SCOPES;
  if (catalogue.includes(scope)) return void 0;
  const suggestions = suggest(scope, catalogue);
  const service = scope.includes(":") ? scope.slice(0, scope.indexOf(":") + 1) : void 0;
  const knownService = service !== void 0 && catalogue.some((s) => s.startsWith(service));
  if (suggestions.length > 0 || knownService || !/^[a-z0-9.-]+(:[a-z0-9.-]+){2}$/.test(scope)) {
    const classicHint = kind === "platform" && CLASSIC_SCOPES.includes(scope) ? " It is a classic API token scope: use token-type: classic for it." : "";
    return {
      scope,
      severity: "error",
      message: `"${scope}" is not a known ${kind === "oauth" ? "OAuth" : "platform token"} scope.${didYouMean(suggestions)}${classicHint}`,
      suggestions
    };
  }
  return {
    scope,
    severity: "warning",
    message: `"${scope}" is not in this action's scope catalogue (service "${scope.split(":")[0]}" is unknown to it); it is passed to Dynatrace unchecked.`,
    suggestions: []
  };
}

export {
  suggest,
  checkScope
};
