import { API_TOKENS_PATH, ClassicTokensApi } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";





export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
