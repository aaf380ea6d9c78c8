import {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
} from "./chunk-LG53FTZV.js";
import "./group-shared-DF922B5F.js";





export {
  PLATFORM_TOKEN_CAPS,
  PLATFORM_TOKEN_SCOPES,
  PlatformTokensApi
};
