import {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
} from "./chunk-EZB2WYY5.js";
import "./chunk-EZQNAVRG.js";
import "./chunk-QHYGYJD5.js";
import "./chunk-HYS7G47W.js";
import "./chunk-54DRLOPH.js";
import "./chunk-IKGYFQ6X.js";
import "./chunk-YSH2IDXS.js";
export {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
};
