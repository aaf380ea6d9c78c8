export {
  listClassicTokens,
  type ClassicTokenEntry,
  type ClassicTokenPages
} from './api-tokens.js'
