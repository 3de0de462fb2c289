/** Conflicts a manager is shown: what two offline tills did that the cloud flags, and clashes this till holds. */
import { defineMessages } from './define';

export const conflictsMessages = defineMessages({
  'conflicts.negativePoints': {
    nb: '{who} har brukt flere poeng enn hen hadde (saldo {points}), trolig på to kasser uten nett.',
    en: '{who} spent more points than they had (balance {points}), likely at two offline tills.',
    sv: '{who} har använt fler poäng än hen hade (saldo {points}), troligen på två kassor utan nät.',
  },
  'conflicts.negativeCashback': {
    nb: '{who} har brukt mer bonus enn hen hadde (saldo {kroner} kr).',
    en: '{who} spent more cashback than they had (balance NOK {kroner}).',
    sv: '{who} har använt mer bonus än hen hade (saldo {kroner} kr).',
  },
  'conflicts.couponTwice': {
    nb: 'Kupongen {coupon} til {who} ble brukt i {sales} salg.',
    en: '{who}’s coupon {coupon} was used in {sales} sales.',
    sv: 'Kupongen {coupon} som tillhör {who} användes vid {sales} köp.',
  },
  'conflicts.rewardTwice': {
    nb: 'Belønningen {reward} til {who} ble brukt i {sales} salg.',
    en: '{who}’s reward {reward} was used in {sales} sales.',
    sv: 'Belöningen {reward} som tillhör {who} användes vid {sales} köp.',
  },
  'conflicts.tierOnceTwice': {
    nb: 'Nivåfordelen til {who} for {period} ble brukt i {sales} salg.',
    en: '{who}’s once-per-period tier benefit ({period}) was used in {sales} sales.',
    sv: 'Nivåförmånen som tillhör {who} för {period} användes vid {sales} köp.',
  },
  'conflicts.sharedIdentity': {
    nb: '{count} medlemmer, {who} blant dem, har samme {what, select, phone {mobilnummer} memberNumber {medlemsnummer} other {QR-kode}}. Oppslag gir den som meldte seg inn først.',
    en: '{count} members, {who} among them, share one {what, select, phone {phone} memberNumber {member number} other {QR code}}. A lookup answers the one enrolled first.',
    sv: '{count} medlemmar, {who} bland dem, har samma {what, select, phone {mobilnummer} memberNumber {medlemsnummer} other {QR-kod}}. En sökning ger den som gick med först.',
  },
  'conflicts.tillSameQr': {
    nb: '{count} medlemmer har samme QR-kode. Skanning av koden gir {answered}, som meldte seg inn først.',
    en: '{count} members have the same QR code. Scanning it answers {answered}, enrolled first.',
    sv: '{count} medlemmar har samma QR-kod. Skanning av koden ger {answered}, som gick med först.',
  },
  'conflicts.tillSamePhone': {
    nb: '{count} medlemmer har mobilnummeret {value} (innmeldt på to kasser uten nett). Oppslag på nummeret gir {answered}, som meldte seg inn først.',
    en: '{count} members have the phone {value} (enrolled at two offline tills). A lookup by it answers {answered}, enrolled first.',
    sv: '{count} medlemmar har mobilnumret {value} (registrerade på två kassor utan nät). En sökning på numret ger {answered}, som gick med först.',
  },
  'conflicts.tillSameMemberNumber': {
    nb: '{count} medlemmer har medlemsnummeret {value} (gitt av to kasser før paring). Oppslag på nummeret gir {answered}, som meldte seg inn først.',
    en: '{count} members have the member number {value} (handed out by two tills before pairing). A lookup by it answers {answered}, enrolled first.',
    sv: '{count} medlemmar har medlemsnumret {value} (utdelat av två kassor före parkoppling). En sökning på numret ger {answered}, som gick med först.',
  },
});
