import {
  PLATFORM_TOKEN_CAPS,
  createPlatformToken,
  deletePlatformToken
} from "./chunk-4OQIS76L.js";
import "./chunk-YKYQ6NYA.js";
import "./chunk-B2VLX7FN.js";
import "./chunk-UKRPGWYF.js";
import "./chunk-UXD24YEM.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  createPlatformToken,
  deletePlatformToken
};
