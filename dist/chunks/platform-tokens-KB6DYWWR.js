import {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
} from "./chunk-WAV375WW.js";
import "./chunk-GY243YV4.js";
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
