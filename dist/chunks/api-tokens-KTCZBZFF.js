import { API_TOKENS_PATH, ClassicTokensApi } from "./group-shared-5D041639.js";
import "./group-shared-5D041639.js";





export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
