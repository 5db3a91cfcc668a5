/** Commands killed mid-way, on PostgreSQL (the suite: ./killed.ts). */
import { killedMidWay } from './killed.ts'

killedMidWay('postgres')
