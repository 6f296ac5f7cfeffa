export {
  parsePhone,
  isValidPhone,
  formatAsYouType,
  formatInternational,
  formatInternationalSync,
  preloadPhone,
  isPhoneLoaded,
  DEFAULT_COUNTRY,
  type ParsedPhone,
  type CountryCode,
} from './phone.js';
