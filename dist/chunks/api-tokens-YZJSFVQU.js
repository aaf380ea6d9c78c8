import { API_TOKENS_PATH, ClassicTokensApi } from "./group-shared-DF922B5F.js";
import "./group-shared-DF922B5F.js";





export {
  API_TOKENS_PATH,
  ClassicTokensApi
};
