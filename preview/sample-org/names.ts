/** Word lists the sample org builds names from (invented or common words; any resemblance to a real firm is chance). */

/** Splits a `|`-separated list; long word lists stay a few lines instead of one line per word. */
const list = (text: string): readonly string[] => text.split('|');

export const FIRST_NAMES = list(
    'Aaron|Abigail|Adam|Aisha|Alan|Alice|Amara|Amir|Ana|Andre|Angela|Anika|Arjun|Ava|Ben|Bianca|Boris' +
        '|Brenda|Caleb|Camila|Carlos|Chen|Chloe|Chris|Dana|Daniel|Deepa|Diego|Dmitri|Elena|Eli|Emma|Eric' +
        '|Fatima|Felix|Fiona|Gabriel|Grace|Hana|Hannah|Hiro|Ian|Ines|Isaac|Ivy|Jack|Jade|James|Jana' +
        '|Javier|Jin|Joao|Julia|Kai|Kamala|Karen|Kenji|Kofi|Laura|Leila|Leo|Liam|Lina|Lucas|Luis|Maya' +
        '|Marco|Maria|Mark|Mei|Mia|Mohammed|Nadia|Naomi|Nate|Nia|Nikhil|Noah|Nora|Olga|Omar|Oscar|Paula' +
        '|Pedro|Priya|Quinn|Rafael|Rania|Ravi|Rosa|Ruth|Sam|Sara|Sean|Sofia|Sunil|Tariq|Tessa|Theo|Tomas' +
        '|Uma|Vera|Victor|Wei|Will|Xin|Yara|Yusuf|Zara|Zoe',
);

export const LAST_NAMES = list(
    'Abe|Adeyemi|Alvarez|Andersen|Baker|Banerjee|Becker|Bianchi|Brooks|Campbell|Carter|Castro|Chandra' +
        '|Chen|Cohen|Costa|Dahl|Das|Diaz|Dubois|Duarte|Edwards|Eriksen|Evans|Farah|Fischer|Fleming' +
        '|Fontaine|Garcia|Gill|Gomez|Gonzalez|Gupta|Hall|Hansen|Hayes|Hoffmann|Huang|Hughes|Ibrahim|Ito' +
        '|Iyer|Jansen|Jensen|Johnson|Kane|Kaur|Kim|Klein|Kowalski|Kumar|Lambert|Larsen|Lee|Lopez|Mahmoud' +
        '|Martin|Meyer|Moreau|Morris|Murphy|Nakamura|Navarro|Nguyen|Nielsen|Novak|Okafor|Olsen|Ortiz|Park' +
        '|Patel|Pereira|Petrov|Popescu|Quinn|Rahman|Ramos|Reddy|Reyes|Richter|Rossi|Russo|Saito|Santos' +
        '|Schmidt|Shah|Silva|Singh|Smith|Sousa|Suzuki|Tanaka|Taylor|Thomas|Torres|Tran|Turner|Usman|Varga' +
        '|Vasquez|Vogel|Wagner|Walsh|Wang|Weber|Williams|Wong|Wright|Xu|Yamamoto|Yilmaz|Young|Zhang' +
        '|Zimmermann',
);

export const COMPANY_PREFIXES = list(
    'Alder|Amber|Apex|Arbor|Aster|Atlas|Aurora|Beacon|Birch|Blue|Bright|Brook|Canyon|Cedar|Cinder' +
        '|Clear|Cobalt|Copper|Coral|Crest|Crimson|Delta|Dune|East|Ember|Evergreen|Falcon|Fern|Flint' +
        '|Forest|Frontier|Golden|Granite|Green|Harbor|Hazel|Highland|Horizon|Indigo|Iron|Juniper|Keystone' +
        '|Lake|Lantern|Laurel|Lumen|Maple|Marble|Meadow|Mesa|Meridian|Nimbus|North|Oak|Ocean|Onyx|Orchid' +
        '|Pacific|Pine|Pioneer|Prairie|Quarry|Quartz|Raven|Red|Ridge|River|Sable|Sage|Silver|Slate|Solar' +
        '|South|Spruce|Starling|Stone|Summit|Sun|Tidal|Timber|True|Valley|Vista|West|Willow|Zenith',
);

export const COMPANY_CORES = list(
    'Analytics|Apparel|Bank|Bio|Builders|Capital|Chemicals|Cloud|Consulting|Dairy|Data|Dynamics' +
        '|Energy|Engineering|Farms|Foods|Freight|Games|Health|Hotels|Industries|Insurance|Labs|Learning' +
        '|Logistics|Machines|Marine|Media|Medical|Metals|Mining|Motors|Networks|Outfitters|Partners' +
        '|Pharma|Plastics|Power|Printing|Realty|Retail|Robotics|Security|Software|Solutions|Studios' +
        '|Supply|Systems|Telecom|Textiles|Therapeutics|Tools|Transit|Travel|Utilities|Ventures|Water' +
        '|Wireless|Works|Yards',
);

/** Legal-form endings; the empty ones make a bare name the most common form. */
export const COMPANY_SUFFIXES = list('|||| Inc| LLC| Ltd| GmbH| Group| Co| Corp| SA| KK');

export const PRODUCTS = list(
    'Platform Licenses|Analytics Add-on|Support Renewal|Expansion|Pilot|Enterprise Agreement' +
        '|Onboarding Services|Integration Package|Seat Upgrade|Data Migration|Training Bundle' +
        '|Premium Support|Field Service Kit|Mobile Rollout|Security Review',
);

export const EMAIL_TOPICS = list(
    'Introduction|Follow-up|Pricing details|Case study|Meeting recap|Proposal|Check-in|Product update' +
        '|Webinar invitation|Contract draft|Next steps|Quick question',
);

export const TODO_SUBJECTS = list(
    'Prepare proposal|Send quote|Schedule demo|Update forecast|Review contract|Plan QBR' +
        '|Research account|Book onsite visit',
);

export const CAMPAIGN_THEMES = list(
    'Spring Launch|Customer Summit|Pipeline Accelerator|Partner Day|Product Tour|Year-End Offer' +
        '|Analytics Masterclass|Industry Roundtable|Security Briefing|Growth Series|Renewal Drive' +
        '|Field Service Expo',
);

export const CASE_SUBJECTS: Record<string, readonly string[]> = {
    Installation: ['Installation help needed', 'Cannot complete setup', 'Install fails on step 3'],
    'Equipment Complexity': ['How do I configure this?', 'Settings are confusing', 'Need a walkthrough'],
    Performance: ['Unit runs slowly', 'Performance dropped after update', 'Intermittent slowness'],
    Breakdown: ['Device stopped working', 'Unit will not power on', 'Error code on startup'],
    'Equipment Design': ['Design limitation', 'Part does not fit', 'Feature request'],
    Feedback: ['Great service', 'Suggestion for improvement', 'Feedback on last visit'],
    Other: ['General question', 'Billing question', 'Account access'],
};
