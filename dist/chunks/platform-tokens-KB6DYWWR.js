import {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
} from "./chunk-WAV375WW.js";
import "./group-shared-5D041639.js";





export {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
};
