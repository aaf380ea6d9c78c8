
// src/duration.ts
var UNIT_SECONDS = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800
};
var isUnit = (text) => Object.hasOwn(UNIT_SECONDS, text);
function parseDuration(text) {
  const value = text.trim().toLowerCase();
  if (!/^(\d+[smhdw])+$/.test(value)) return void 0;
  let total = 0;
  for (const [, amount = "", unit = ""] of value.matchAll(/(\d+)([smhdw])/g)) {
    if (!isUnit(unit)) return void 0;
    total += Number(amount) * UNIT_SECONDS[unit];
  }
  return total;
}
function formatDuration(seconds) {
  const parts = [];
  let rest = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join("") || "0s";
}
var UNIT_WORDS = [
  [/^(s|secs?|seconds?)$/, "s"],
  [/^(m|mins?|minutes?)$/, "m"],
  [/^(h|hrs?|hours?)$/, "h"],
  [/^(d|days?)$/, "d"],
  [/^(w|wks?|weeks?)$/, "w"]
];
function suggestDuration(text) {
  const value = text.trim().toLowerCase();
  const iso = /^p(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)?$/.exec(
    value
  );
  if (iso && value !== "p" && value !== "pt") {
    const [, d = "0", h = "0", m = "0", s = "0"] = iso;
    const seconds = Number(d) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
    return seconds > 0 ? singleUnit(seconds) : void 0;
  }
  let total = 0;
  let matched = false;
  const rest = value.replace(
    /(\d+(?:[.,]\d+)?)\s*([a-z]+)/g,
    (_, amount, unit) => {
      const symbol = UNIT_WORDS.find(([re]) => re.test(unit))?.[1];
      if (symbol === void 0) return "\0";
      total += Number(amount.replace(",", ".")) * UNIT_SECONDS[symbol];
      matched = true;
      return "";
    }
  );
  if (!matched || !/^[\s,]*(and[\s,]*)?[\s,]*$/.test(rest.replace(/\band\b/g, "")))
    return void 0;
  return total >= 1 ? singleUnit(total) : void 0;
}
function singleUnit(seconds) {
  const whole = Math.round(seconds);
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60]
  ]) {
    if (whole % size === 0) return `${whole / size}${unit}`;
  }
  return `${whole}s`;
}

export {
  parseDuration,
  formatDuration,
  suggestDuration
};
