export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  argon2Passwords,
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  type PasswordHasher,
} from "./passwords"
export { JWT_SECRET_FILE_NAME, loadJwtSecret, type JwtSecret } from "./secret"
export {
  createTokenService,
  type TokenService,
  type TokenServiceOptions,
  type TokenUser,
  type VerifiedToken,
} from "./tokens"
