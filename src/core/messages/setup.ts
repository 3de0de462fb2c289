/** The first run of a till (src/service/commands/setup.ts): what it refuses, and why. */
import { defineMessages } from './define';

export const setupMessages = defineMessages({
  'setup.alreadySetUp': {
    nb: 'Kassen er allerede satt opp. Logg inn med PIN-koden din.',
    en: 'This till is set up already. Log in with your PIN.',
    sv: 'Kassan är redan konfigurerad. Logga in med din PIN-kod.',
  },
  'setup.notPaired': {
    nb: 'Kassen er ikke koblet til kjeden ennå. Velg en mal eller koble til kjeden.',
    en: 'This till is not paired with the chain yet. Choose a template or pair it with the chain.',
    sv: 'Kassan är inte kopplad till kedjan än. Välj en mall eller koppla den till kedjan.',
  },
  'setup.chainUnreachable': {
    nb: 'Kassen er koblet til kjeden, men fikk ikke hentet kjedens ansatte. Sjekk nettet og prøv igjen.',
    en: 'The till is paired with the chain, but could not fetch the chain’s staff. Check the network and try again.',
    sv: 'Kassan är kopplad till kedjan men kunde inte hämta kedjans personal. Kontrollera nätverket och försök igen.',
  },
});
