/** Basket benefits, rejections, earnings, returns (src/core/basket). */
import { defineMessages } from './define';

export const basketMessages = defineMessages({
  // ---- benefits ----------------------------------------------------------------
  'basket.memberPrice': {
    nb: 'Medlemspris {product}: {memberPrice} (ordinær pris {normalPrice})',
    en: 'Member price {product}: {memberPrice} (normal price {normalPrice})',
    sv: 'Medlemspris {product}: {memberPrice} (ordinarie pris {normalPrice})',
  },
  /** The free unit is the one after a full card: "Klippekort Kaffe: 10. kaffe gratis". */
  'basket.punchFreeItem': {
    nb: 'Klippekort {card}: {nth, selectordinal, other {#.}} {item} gratis',
    en: 'Punch card {card}: {nth, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} {item} free',
    sv: 'Stämpelkort {card}: {nth, selectordinal, one {#:a} other {#:e}} {item} gratis',
  },
  'basket.punchAmountOff': {
    nb: 'Klippekort {card}: {amount} rabatt',
    en: 'Punch card {card}: {amount} off',
    sv: 'Stämpelkort {card}: {amount} rabatt',
  },
  /** A coupon's discount: an amount or a percentage. */
  'basket.couponDiscount': {
    nb: '{name}: {discount} rabatt',
    en: '{name}: {discount} off',
    sv: '{name}: {discount} rabatt',
  },
  'basket.couponFreeProduct': {
    nb: '{name}: 1 {product} gratis',
    en: '{name}: 1 {product} free',
    sv: '{name}: 1 {product} gratis',
  },
  'basket.couponFreeItem': {
    nb: '{name}: 1 vare gratis',
    en: '{name}: 1 item free',
    sv: '{name}: 1 vara gratis',
  },
  'basket.tierDiscount': {
    nb: '{level}: {percent} medlemsrabatt',
    en: '{level}: {percent} member discount',
    sv: '{level}: {percent} medlemsrabatt',
  },
  'basket.tierDiscountOnce': {
    nb: '{level}: {percent} medlemsrabatt (én gang i perioden)',
    en: '{level}: {percent} member discount (once per period)',
    sv: '{level}: {percent} medlemsrabatt (en gång per period)',
  },
  'basket.paidWithPoints': {
    nb: 'Betalt med {points} poeng ({value})',
    en: 'Paid with {points, plural, one {{points} point} other {{points} points}} ({value})',
    sv: 'Betalt med {points} poäng ({value})',
  },
  /** `paid` is basket.paidWithPoints. */
  'basket.paidWithPointsCapped': {
    nb: '{paid}: {requested} poeng valgt, men kjøpet rommer bare {points}',
    en: '{paid}: {requested} points chosen, but the purchase only takes {points}',
    sv: '{paid}: {requested} poäng valda, men bara {points} kan användas på köpet',
  },
  'basket.paidWithCashback': {
    nb: 'Betalt med bonus ({amount})',
    en: 'Paid with cashback ({amount})',
    sv: 'Betalt med bonus ({amount})',
  },
  /** `paid` is basket.paidWithCashback. */
  'basket.paidWithCashbackCapped': {
    nb: '{paid}: {requested} valgt, men kjøpet rommer bare {amount}',
    en: '{paid}: {requested} chosen, but the purchase only takes {amount}',
    sv: '{paid}: {requested} valt, men bara {amount} kan användas på köpet',
  },

  // ---- earnings ----------------------------------------------------------------
  'basket.pointsPerPurchase': {
    nb: '{points} poeng per kjøp',
    en: '{points, plural, one {{points} point} other {{points} points}} per purchase',
    sv: '{points} poäng per köp',
  },
  'basket.pointsPerAmount': {
    nb: '{points} poeng per {step}',
    en: '{points, plural, one {{points} point} other {{points} points}} per {step}',
    sv: '{points} poäng per {step}',
  },
  'basket.bonusPoints': {
    nb: '{campaign}: {multiplier}× poeng',
    en: '{campaign}: {multiplier}× points',
    sv: '{campaign}: {multiplier}× poäng',
  },
  'basket.pointsEarned': {
    nb: '+{points} poeng',
    en: '+{points, plural, one {{points} point} other {{points} points}}',
    sv: '+{points} poäng',
  },
  /** "+2 stempler på Kaffe (7/10)" */
  'basket.stampsAdded': {
    nb: '+{added, plural, one {# stempel} other {# stempler}} på {card} ({after}/{of})',
    en: '+{added, plural, one {# stamp} other {# stamps}} on {card} ({after}/{of})',
    sv: '+{added, plural, one {# stämpel} other {# stämplar}} på {card} ({after}/{of})',
  },
  'basket.stampsAddedCardFull': {
    nb: '+{added, plural, one {# stempel} other {# stempler}} på {card}: kortet er fullt, {ready, plural, one {belønning klar} other {# belønninger klar}} ({after}/{of})',
    en: '+{added, plural, one {# stamp} other {# stamps}} on {card}: card full, {ready, plural, one {reward ready} other {# rewards ready}} ({after}/{of})',
    sv: '+{added, plural, one {# stämpel} other {# stämplar}} på {card}: kortet är fullt, {ready, plural, one {belöning klar} other {# belöningar klara}} ({after}/{of})',
  },
  'basket.cashbackEarned': {
    nb: '+{amount} bonus',
    en: '+{amount} cashback',
    sv: '+{amount} bonus',
  },

  // ---- rejections --------------------------------------------------------------
  'basket.needsMember': {
    nb: 'Legg til et medlem av kundeklubben først',
    en: 'Add a member of the loyalty club first',
    sv: 'Lägg till en medlem i kundklubben först',
  },
  'basket.couponUnknown': {
    nb: 'Kupongen finnes ikke for dette medlemmet',
    en: 'This member has no such coupon',
    sv: 'Kupongen finns inte för den här medlemmen',
  },
  'basket.couponUsed': {
    nb: 'Kupongen er allerede brukt',
    en: 'The coupon has already been used',
    sv: 'Kupongen är redan använd',
  },
  'basket.couponTwice': {
    nb: 'Kupongen er allerede lagt på dette kjøpet',
    en: 'The coupon is already on this purchase',
    sv: 'Kupongen är redan tillagd i det här köpet',
  },
  'basket.couponExpired': {
    nb: 'Kupongen gikk ut {date}',
    en: 'The coupon expired on {date}',
    sv: 'Kupongen gick ut {date}',
  },
  'basket.couponNotYetValid': {
    nb: 'Kupongen gjelder fra {date}',
    en: 'The coupon is valid from {date}',
    sv: 'Kupongen gäller från {date}',
  },
  'basket.couponMinBasket': {
    nb: 'Kupongen krever kjøp for minst {min} (kjøpet er {basket})',
    en: 'The coupon needs a purchase of at least {min} (this one is {basket})',
    sv: 'Kupongen kräver köp för minst {min} (köpet är på {basket})',
  },
  'basket.couponNoMatchingItems': {
    nb: 'Ingen varer i kjøpet som kupongen gjelder for',
    en: 'No items in the purchase that the coupon applies to',
    sv: 'Inga varor i köpet som kupongen gäller för',
  },
  'basket.couponStackingLimit': {
    nb: 'Bare {max, plural, one {# kupong} other {# kuponger}} per kjøp',
    en: 'Only {max, plural, one {# coupon} other {# coupons}} per purchase',
    sv: 'Bara {max, plural, one {# kupong} other {# kuponger}} per köp',
  },
  'basket.rewardUnknown': {
    nb: 'Medlemmet har ingen slik klippekortbelønning',
    en: 'The member has no such punch-card reward',
    sv: 'Medlemmen har ingen sådan stämpelkortsbelöning',
  },
  'basket.rewardTwice': {
    nb: 'Belønningen er allerede lagt på dette kjøpet',
    en: 'The reward is already on this purchase',
    sv: 'Belöningen är redan tillagd i det här köpet',
  },
  'basket.rewardCardGone': {
    nb: 'Klippekortet finnes ikke lenger i kundeklubben',
    en: 'The punch card is no longer part of the loyalty club',
    sv: 'Stämpelkortet finns inte längre i kundklubben',
  },
  'basket.rewardNoMatchingItems': {
    nb: 'Ingen varer i kjøpet som gir klippekortbelønningen ({card})',
    en: 'No items in the purchase that the punch-card reward covers ({card})',
    sv: 'Inga varor i köpet som ger stämpelkortsbelöningen ({card})',
  },
  'basket.pointsNotRedeemable': {
    nb: 'Poeng kan ikke brukes som betaling i denne kundeklubben',
    en: 'Points cannot be used as payment in this loyalty club',
    sv: 'Poäng kan inte användas som betalning i den här kundklubben',
  },
  'basket.pointsInsufficient': {
    nb: 'Medlemmet har {balance} poeng, ikke {requested}',
    en: 'The member has {balance} points, not {requested}',
    sv: 'Medlemmen har {balance} poäng, inte {requested}',
  },
  'basket.nothingLeftToPay': {
    nb: 'Det er ingenting igjen å betale',
    en: 'There is nothing left to pay',
    sv: 'Det finns inget kvar att betala',
  },
  'basket.cashbackInsufficient': {
    nb: 'Medlemmet har {balance} i bonus, ikke {requested}',
    en: 'The member has {balance} cashback, not {requested}',
    sv: 'Medlemmen har {balance} i bonus, inte {requested}',
  },
  'basket.tierOnceUnavailable': {
    nb: 'Medlemsnivået har ingen ubrukt engangsrabatt i denne perioden',
    en: 'The tier has no unused once-per-period discount left this period',
    sv: 'Medlemsnivån har ingen oanvänd engångsrabatt under den här perioden',
  },
  'basket.tierOnceNotWithCoupon': {
    nb: 'Medlemsrabatten kan ikke kombineres med kupong',
    en: 'The member discount cannot be combined with a coupon',
    sv: 'Medlemsrabatten kan inte kombineras med kupong',
  },

  // ---- returns -----------------------------------------------------------------
  'basket.returnMoreThanBought': {
    nb: 'Kan ikke returnere {count} av «{name}»: {bought} kjøpt, {earlier} returnert før',
    en: 'Cannot return {count} of "{name}": {bought} bought, {earlier} returned before',
    sv: 'Kan inte returnera {count} av ”{name}”: {bought} köpta, {earlier} returnerade tidigare',
  },
  'basket.returnUnknownLine': {
    nb: 'Varelinjen finnes ikke på kvitteringen. Åpne kvitteringen på nytt.',
    en: 'Line {lineId} is not on the receipt',
    sv: 'Raden finns inte på kvittot. Öppna kvittot igen.',
  },
  'basket.returnBadQuantity': {
    nb: 'Antallet som returneres, må være et helt tall over null (ikke {quantity})',
    en: 'The quantity to return must be a whole number above zero (not {quantity})',
    sv: 'Antalet som returneras måste vara ett heltal över noll (inte {quantity})',
  },
});
