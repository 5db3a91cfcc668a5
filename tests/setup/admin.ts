/** The browser layer: the admin's production build, made once before any test file starts one (two at once would clash). */
import { ensureAdminBuilt } from '../../cms/admin-server.ts'

export default function setup() {
  ensureAdminBuilt(() => {})
}
