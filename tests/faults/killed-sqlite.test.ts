/** Commands killed mid-way, on SQLite (the suite: ./killed.ts). */
import { killedMidWay } from './killed.ts'

killedMidWay('sqlite')
