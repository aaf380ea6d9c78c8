import {
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi
} from "./chunk-KK7UMHXF.js";
import "./chunk-ASJ2L5VQ.js";
import "./chunk-2GFJCOSR.js";
import "./chunk-UXD24YEM.js";
import "./chunk-OAKA2SLT.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  PlatformTokensApi
};
