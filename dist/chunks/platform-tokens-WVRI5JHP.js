import {
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi,
  createPlatformToken,
  deletePlatformToken,
  listPlatformTokens
} from "./chunk-X4P6VNHS.js";
import "./chunk-KDLYFKNM.js";
import "./chunk-DHKQHN3N.js";
import "./chunk-UXD24YEM.js";
import "./chunk-3ZRLOSXC.js";
import "./chunk-6BSO6VOI.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi,
  createPlatformToken,
  deletePlatformToken,
  listPlatformTokens
};
