import "./group-shared-6CC45263.js";

// src/proxy.ts
import { createRequire } from "node:module";

// node_modules/@actions/http-client/lib/proxy.js
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}

// src/proxy.ts
var builtin = (name) => createRequire(import.meta.url)(name);
function tlsOptions(net, host, port) {
  return { host, port, ...net.isIP(host) ? {} : { servername: host } };
}
var MAX_HEAD_BYTES = 16 * 1024;
function proxyFor(url) {
  const name = process.env.https_proxy ? "https_proxy" : "HTTPS_PROXY";
  const value = process.env[name];
  if (!value || checkBypass(url)) return void 0;
  const unusable = (why) => ({
    unusable: `${name} is set but is not a usable proxy URL: ${why}. Set it to http://[user:password@]host:port, with special characters in the user name and password percent-encoded (% as %25, @ as %40, : as %3A), or unset it to connect directly.`
  });
  let proxy;
  try {
    proxy = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`
    );
  } catch {
    return unusable("it is not a URL");
  }
  if (proxy.protocol !== "http:" && proxy.protocol !== "https:") {
    return unusable(
      `the scheme ${proxy.protocol.slice(0, 16).replace(/[^a-z0-9+.:-]/gi, "?")} is not supported (only http:// and https:// proxies are)`
    );
  }
  if (proxy.hostname === "") return unusable("it names no host");
  const secure = proxy.protocol === "https:";
  const result = {
    host: proxy.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(proxy.port || (secure ? 443 : 80)),
    secure
  };
  if (proxy.username !== "" || proxy.password !== "") {
    try {
      result.auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    } catch {
      return unusable(
        `the user name or password (for proxy ${proxy.host}) is not correctly percent-encoded; write a literal % as %25`
      );
    }
  }
  return result;
}
function openTunnel(target, proxy) {
  const net = builtin("node:net");
  const tls = builtin("node:tls");
  return new Promise((resolve, reject) => {
    const toProxy = proxy.secure ? tls.connect(tlsOptions(net, proxy.host, proxy.port)) : net.connect(proxy.port, proxy.host);
    const fail = (error) => {
      toProxy.destroy();
      reject(error);
    };
    const refused = (what) => fail(
      Object.assign(new Error(`the proxy answered CONNECT with ${what}`), {
        code: `the proxy answered CONNECT with ${what}`
      })
    );
    toProxy.once("error", fail);
    const authority = `${net.isIPv6(target.host) ? `[${target.host}]` : target.host}:${target.port}`;
    const auth = proxy.auth === void 0 ? "" : `Proxy-Authorization: Basic ${Buffer.from(proxy.auth).toString("base64")}\r
`;
    toProxy.write(
      `CONNECT ${authority} HTTP/1.1\r
Host: ${authority}\r
${auth}\r
`
    );
    let head = Buffer.alloc(0);
    const onEnd = () => refused("a closed connection");
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) refused("an oversized answer");
        return;
      }
      toProxy.off("data", onData);
      toProxy.off("end", onEnd);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(
        head.subarray(0, end).toString("latin1")
      )?.[1];
      if (status !== "200")
        return refused(status ? `HTTP ${status}` : "a malformed answer");
      if (head.length > end + 4) return refused("data before TLS");
      toProxy.off("error", fail);
      const secured = tls.connect({
        ...tlsOptions(net, target.host, target.port),
        socket: toProxy
      });
      secured.once("error", (error) => {
        secured.destroy();
        reject(error);
      });
      secured.once("secureConnect", () => {
        secured.removeAllListeners("error");
        resolve(secured);
      });
    };
    toProxy.on("data", onData);
    toProxy.once("end", onEnd);
  });
}
export {
  openTunnel,
  proxyFor
};
