import {
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi,
  createPlatformToken,
  deletePlatformToken,
  listPlatformTokens
} from "./chunk-NL7Q4NAY.js";
import "./chunk-F7A2WVOZ.js";
import "./chunk-436ILGEN.js";
import "./chunk-B2VLX7FN.js";
import "./chunk-UKRPGWYF.js";
import "./chunk-UXD24YEM.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi,
  createPlatformToken,
  deletePlatformToken,
  listPlatformTokens
};
