// The configuration Next (the admin) and the Payload CLI load; settings come from the environment.
import { createConfig } from './config.ts'

export default createConfig()
