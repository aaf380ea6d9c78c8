import {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
} from "./chunk-YHMRLVWW.js";
import "./chunk-LRBFQENZ.js";
import "./chunk-TCRXC7MS.js";
import "./chunk-UXD24YEM.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
};
