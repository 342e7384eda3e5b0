/** The building blocks every chapter may use without importing them (passed to `<Content components>`). */
import KeyPoint from './KeyPoint.astro';
import Caution from './Caution.astro';
import Mnemonic from './Mnemonic.astro';
import Scenario from './Scenario.astro';
import Steps from './Steps.astro';
import Term from './Term.astro';
import SectionHeading from './SectionHeading.astro';

export const chapterComponents = { KeyPoint, Caution, Mnemonic, Scenario, Steps, Term, h2: SectionHeading };
