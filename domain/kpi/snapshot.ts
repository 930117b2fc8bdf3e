import type { OcopLevel } from '../stars';
import type { IndicatorId } from './indicators';

/** The province's indicators at an instant (CONTRACT §2). Plain JSON: stored, served and emailed as is. */
export interface KpiSnapshot {
  /** The instant the snapshot describes (ISO 8601). */
  asOf: string;
  /** Its Vietnamese calendar day: the day the indicators are counted on. */
  asOfDay: string;
  province: { code: string; name: string };
  plan: { id: string; title: string; period: { start: string; end: string } };
  indicators: Indicator[];
  breakdown: {
    byLevel: Record<OcopLevel, { active: number }>;
    byDistrict: Record<string, DistrictBreakdown>;
    byGroup: Record<string, { active: number }>;
  };
  expiring: ExpiringCertificate[];
}

export type IndicatorStatus = 'met' | 'on_track' | 'behind';

export interface Indicator {
  id: IndicatorId;
  value: number;
  target?: number;
  /** The hoped-for value above the target, when the plan gives one. */
  stretchTarget?: number;
  /** For shares: how value is compared with target. */
  comparison?: 'atLeast' | 'moreThan';
  /** For counts with a target: the target prorated to the elapsed days of its period. */
  expectedByNow?: number;
  status?: IndicatorStatus;
}

export interface DistrictBreakdown {
  name?: string;
  active: number;
  byLevel: Record<OcopLevel, number>;
  recognizedThisYear: number;
  traceable: number;
  listed: number;
  expiring: number;
}

export interface ExpiringCertificate {
  productId: string;
  name: string;
  districtCode: string;
  validUntil: string;
  level: OcopLevel;
}
