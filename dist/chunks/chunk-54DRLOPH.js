
// src/loopback.ts
function isLoopbackHost(hostname) {
  const host = hostname.toLowerCase();
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "[::1]";
}

export {
  isLoopbackHost
};
