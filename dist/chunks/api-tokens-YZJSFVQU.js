import { API_TOKENS_PATH, ClassicTokensApi } from "./group-shared-1A1AC2C3.js";
import "./group-shared-1A1AC2C3.js";





export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
