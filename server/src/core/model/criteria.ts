/**
 * The SOC 2 Trust Services Criteria the records serve. Every key's schema description ends
 * with the criteria it serves, "… (CC7.3)" or "… (CC7.4, CC2.3)": hover and completion show
 * them apart from the text.
 */

/** What each criterion asks, in short (after the SOC 2 guide, seed/soc2-incident-response-plan-guide.txt). */
export const CRITERIA: Readonly<Record<string, string>> = {
  'CC2.3': 'communicate with external parties about matters affecting the functioning of internal control',
  'CC7.1': 'detection and monitoring procedures identify configuration changes and new vulnerabilities',
  'CC7.2': 'monitor system components for anomalies indicative of malicious acts, natural disasters and errors',
  'CC7.3': 'evaluate security events to determine whether they are security incidents',
  'CC7.4': 'respond to identified security incidents with a defined incident response program',
  'CC7.5': 'recover from identified security incidents',
};

export interface DescribedCriteria {
  /** The description without the criteria suffix. */
  text: string;
  /** The suffix as written (`CC7.4, CC2.3`, `CC7.1–CC7.5`); undefined when there is none. */
  criteria?: string;
  /** Each criterion named, ranges spelled out, in order. */
  ids: string[];
}

const SUFFIX = /\s*\(((?:CC\d\.\d)(?:\s*[–-]\s*CC\d\.\d)?(?:,\s*CC\d\.\d(?:\s*[–-]\s*CC\d\.\d)?)*)\)\s*$/;

/** Splits a schema description into its text and the criteria it ends with. */
export function splitCriteria(description: string): DescribedCriteria {
  const match = SUFFIX.exec(description);
  if (!match) return { text: description.trim(), ids: [] };
  return { text: description.slice(0, match.index).trim(), criteria: match[1], ids: expand(match[1]!) };
}

/** `CC7.4, CC2.3` → both; `CC7.1–CC7.5` → CC7.1 to CC7.5. */
function expand(criteria: string): string[] {
  return criteria.split(',').flatMap((part) => {
    const [from, to] = part.split(/[–-]/).map((id) => id.trim());
    if (!to) return [from!];
    const ordered = Object.keys(CRITERIA).sort();
    const start = ordered.indexOf(from!);
    const end = ordered.indexOf(to);
    return start === -1 || end < start ? [from!, to] : ordered.slice(start, end + 1);
  });
}
