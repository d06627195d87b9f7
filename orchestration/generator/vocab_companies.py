"""Employer vocabulary: real-looking companies across all 20 LinkedIn V2 top-level industry groups.

Kept as plain text blocks so it is easy to read and extend. Format:
    # <V2 top-level group>
    ## <V2-style leaf label>          (also what Profile.csv "Industry" may hold)
    <company name>|<country code>|<size: X giant, L large, M mid, S small>

Why a hand-written list: the generator must not share a vocabulary with the evaluation list another engineer
compiles, and real exports are dominated by a few big, well-known employers (the power law the score's
company HHI measures), so the head of the distribution must be names people actually work at.
"""

from __future__ import annotations

from dataclasses import dataclass

COMPANY_TEXT = """
# Technology, Information and Media
## Software Development
Microsoft|US|X
Google|US|X
Oracle|US|X
SAP|DE|X
Salesforce|US|L
Adobe|US|L
Atlassian|AU|L
ServiceNow|US|L
Workday|US|L
Snowflake|US|M
Databricks|US|M
Stripe|US|L
Shopify|CA|L
Spotify|SE|L
Klarna|SE|L
Zalando SE|DE|L
Celonis|DE|M
Personio|DE|M
N26|DE|M
Dassault Systèmes|FR|L
Doctolib|FR|M
Mistral AI|FR|S
Datadog|US|M
GitLab Inc.|US|M
JetBrains|CZ|M
Infosys|IN|X
Tata Consultancy Services|IN|X
Wipro|IN|X
HCLTech|IN|X
Zoho Corporation|IN|L
Freshworks|IN|M
Rakuten|JP|L
LINE Yahoo Corporation|JP|L
Naver|KR|L
Kakao|KR|M
Tencent|CN|X
Alibaba Group|CN|X
ByteDance|CN|X
Baidu|CN|L
MercadoLibre|AR|L
Globant|AR|L
Nubank|BR|L
TOTVS|BR|M
Yandex|RU|L
Wix|IL|M
Check Point Software Technologies|IL|M
Unity|US|M
Figma|US|M
Canva|AU|M
Miro|NL|M
Adyen|NL|L
Booking.com|NL|L
Mollie|NL|M
Supercell|FI|M
Rovio Entertainment|FI|S
Ubisoft|FR|L
CD PROJEKT RED|PL|M
Allegro|PL|L
## Technology, Information and Internet
Amazon|US|X
Meta|US|X
Apple|US|X
LinkedIn|US|L
Netflix|US|L
Uber|US|L
Airbnb|US|L
X Corp.|US|M
Pinterest|US|M
Reddit, Inc.|US|M
DoorDash|US|M
Delivery Hero|DE|L
HelloFresh|DE|L
Flipkart|IN|L
Swiggy|IN|M
Zomato|IN|M
Paytm|IN|M
Grab|SG|L
Sea Limited|SG|L
Yandex Taxi|RU|S
## Telecommunications
AT&T|US|X
Verizon|US|X
T-Mobile|US|X
Deutsche Telekom|DE|X
Vodafone|GB|X
Orange|FR|X
Telefónica|ES|X
BT Group|GB|L
Telia Company|SE|L
Telenor Group|NO|L
Bharti Airtel|IN|L
Reliance Jio|IN|L
NTT DATA|JP|X
SoftBank Corp.|JP|L
Swisscom|CH|M
KPN|NL|M
Ericsson|SE|L
Nokia|FI|L
## Computer and Network Security
Palo Alto Networks|US|M
CrowdStrike|US|M
Fortinet|US|M
Kaspersky|RU|M
Darktrace|GB|M
## Book and Periodical Publishing
Penguin Random House|US|M
HarperCollins Publishers|US|M
Springer Nature|DE|M
Elsevier|NL|M
Axel Springer|DE|M
Schibsted|NO|M
## Broadcast Media Production and Distribution
BBC|GB|L
ZDF|DE|M
France Télévisions|FR|M
RTL Group|LU|M
NHK (Japan Broadcasting Corporation)|JP|M
Globo|BR|L
The Walt Disney Company|US|X
Warner Bros. Discovery|US|L
Sky|GB|L
## Newspaper Publishing
The New York Times|US|M
The Guardian|GB|M
Le Monde|FR|S
Frankfurter Allgemeine Zeitung|DE|S
El País|ES|S
Times of India|IN|M
Nikkei Inc.|JP|M

# Professional Services
## IT Services and IT Consulting
Accenture|IE|X
Capgemini|FR|X
Cognizant|US|X
IBM|US|X
Tech Mahindra|IN|L
LTIMindtree|IN|L
Sopra Steria|FR|L
Atos|FR|L
CGI|CA|L
Thoughtworks|US|M
EPAM Systems|US|L
Endava|GB|M
Netcompany|DK|M
Tietoevry|FI|M
adesso SE|DE|M
msg systems ag|DE|M
Indra|ES|L
Softtek|MX|M
Stefanini|BR|M
Fujitsu|JP|X
NEC Corporation|JP|L
## Business Consulting and Services
McKinsey & Company|US|L
Boston Consulting Group (BCG)|US|L
Bain & Company|US|L
Deloitte|GB|X
PwC|GB|X
EY|GB|X
KPMG|NL|X
Oliver Wyman|US|M
Roland Berger|DE|M
Kearney|US|M
Booz Allen Hamilton|US|L
Simon-Kucher|DE|M
BearingPoint|NL|M
Capco|GB|M
## Law Practice
Baker McKenzie|US|L
Clifford Chance|GB|M
Freshfields|GB|M
Linklaters|GB|M
Allen & Overy|GB|M
Latham & Watkins|US|M
Kirkland & Ellis|US|M
"Skadden, Arps, Slate, Meagher & Flom LLP"|US|M
"Cravath, Swaine & Moore LLP"|US|S
"Wachtell, Lipton, Rosen & Katz"|US|S
Gleiss Lutz|DE|S
Hengeler Mueller|DE|S
Garrigues|ES|M
Cuatrecasas|ES|M
Cyril Amarchand Mangaldas|IN|M
Nishimura & Asahi|JP|S
## Accounting
Grant Thornton|GB|L
BDO|BE|L
RSM|GB|M
Mazars|FR|M
Baker Tilly|US|M
## Advertising Services
WPP|GB|L
Publicis Groupe|FR|L
Omnicom Group|US|L
Dentsu|JP|L
Havas|FR|M
Ogilvy|US|M
Jung von Matt|DE|S
## Architecture and Planning
Foster + Partners|GB|S
Gensler|US|M
Zaha Hadid Architects|GB|S
Snøhetta|NO|S
BIG - Bjarke Ingels Group|DK|S
## Engineering Services
Jacobs|US|L
AECOM|US|L
Arup|GB|L
WSP|CA|L
Ramboll|DK|M
Sweco|SE|M
Fichtner|DE|S
Tractebel|BE|M
## Design Services
IDEO|US|S
frog|US|S
Pentagram|GB|S
## Research Services
Fraunhofer-Gesellschaft|DE|L
Max Planck Society|DE|M
CNRS|FR|L
Gartner|US|L
Forrester|US|M
Ipsos|FR|L
Nielsen|US|L
## Human Resources Services
Mercer|US|L
Korn Ferry|US|M
## Marketing Services
HubSpot|US|M
Brandwatch|GB|S
## Veterinary Services
VCA Animal Hospitals|US|M
IVC Evidensia|SE|M

# Financial Services
## Banking
JPMorgan Chase & Co.|US|X
Bank of America|US|X
Citi|US|X
Wells Fargo|US|X
HSBC|GB|X
Barclays|GB|X
BNP Paribas|FR|X
Société Générale|FR|L
Crédit Agricole|FR|L
Deutsche Bank|DE|X
Commerzbank|DE|L
Sparkasse|DE|L
DZ BANK|DE|M
Santander|ES|X
BBVA|ES|X
CaixaBank|ES|L
UniCredit|IT|L
Intesa Sanpaolo|IT|L
ING|NL|L
ABN AMRO Bank N.V.|NL|L
Rabobank|NL|L
Nordea|FI|L
Danske Bank|DK|L
SEB|SE|M
Handelsbanken|SE|M
DNB|NO|M
UBS|CH|X
Raiffeisen Bank International|AT|M
Erste Group|AT|M
PKO Bank Polski|PL|M
HDFC Bank|IN|X
ICICI Bank|IN|X
State Bank of India|IN|X
Axis Bank|IN|L
Kotak Mahindra Bank|IN|L
MUFG|JP|X
Mizuho Financial Group|JP|L
SMBC Group|JP|L
Itaú Unibanco|BR|X
Bradesco|BR|L
Banco do Brasil|BR|L
BBVA México|MX|L
Bancolombia|CO|M
DBS Bank|SG|L
Standard Chartered Bank|GB|L
Emirates NBD|AE|M
First Abu Dhabi Bank|AE|M
Standard Bank Group|ZA|L
Access Bank Plc|NG|M
Equity Bank|KE|M
## Investment Banking
Goldman Sachs|US|L
Morgan Stanley|US|L
Lazard|US|M
Rothschild & Co|FR|M
Nomura|JP|L
Jefferies|US|M
## Investment Management
BlackRock|US|L
Vanguard|US|L
Fidelity Investments|US|X
State Street|US|L
Allianz Global Investors|DE|M
Amundi|FR|M
DWS Group|DE|M
Schroders|GB|M
Norges Bank Investment Management|NO|S
Bridgewater Associates|US|S
Citadel|US|M
## Venture Capital and Private Equity Principals
Sequoia Capital|US|S
Andreessen Horowitz|US|S
Accel|US|S
Index Ventures|GB|S
EQT Group|SE|M
KKR|US|M
Blackstone|US|M
The Carlyle Group|US|M
Earlybird Venture Capital|DE|S
Partech|FR|S
## Insurance
Allianz|DE|X
AXA|FR|X
Munich Re|DE|L
Zurich Insurance|CH|L
Swiss Re|CH|L
Generali|IT|L
Aviva|GB|L
Prudential plc|GB|L
MetLife|US|L
State Farm|US|X
Progressive Insurance|US|L
Allstate|US|L
Tokio Marine|JP|L
LIC of India|IN|L
Mapfre|ES|L
If P&C Insurance|SE|M
Tryg|DK|M
## Financial Services
American Express|US|L
Visa|US|L
Mastercard|US|L
PayPal|US|L
Revolut|GB|L
Wise|GB|M
Monzo Bank|GB|M
Block|US|M
Coinbase|US|M
Bloomberg|US|L
S&P Global|US|L
Moody's Corporation|US|L
London Stock Exchange Group (LSEG)|GB|L
Deutsche Börse Group|DE|M
Euronext|NL|M
Ant Group|CN|L
Bajaj Finserv|IN|L
Razorpay|IN|M

# Hospitals and Health Care
## Hospitals and Health Care
Kaiser Permanente|US|X
Mayo Clinic|US|L
Cleveland Clinic|US|L
HCA Healthcare|US|X
NHS England|GB|X
Guy's and St Thomas' NHS Foundation Trust|GB|L
Charité – Universitätsmedizin Berlin|DE|L
Helios Kliniken|DE|L
Asklepios Kliniken|DE|M
AP-HP|FR|L
Karolinska Universitetssjukhuset|SE|M
Rigshospitalet|DK|M
Apollo Hospitals|IN|L
Fortis Healthcare|IN|M
Narayana Health|IN|M
Hospital Israelita Albert Einstein|BR|M
Fresenius|DE|L
UnitedHealth Group|US|X
CVS Health|US|X
Quest Diagnostics|US|L
Ramsay Santé|FR|M
## Mental Health Care
Headspace|US|S
## Wellness and Fitness Services
Anytime Fitness|US|M
Basic-Fit|NL|M
## Medical Practices
One Medical|US|M
Bupa|GB|L

# Manufacturing
## Pharmaceutical Manufacturing
Pfizer|US|X
Johnson & Johnson|US|X
Roche|CH|X
Novartis|CH|X
Sanofi|FR|X
Bayer|DE|X
Boehringer Ingelheim|DE|L
Merck KGaA, Darmstadt, Germany|DE|L
MSD|US|L
AstraZeneca|GB|X
GSK|GB|L
Novo Nordisk|DK|L
Takeda|JP|L
Sun Pharma|IN|L
Dr. Reddy's Laboratories|IN|L
Cipla|IN|M
Teva Pharmaceuticals|IL|L
Grifols|ES|M
BioNTech SE|DE|M
Moderna|US|M
## Motor Vehicle Manufacturing
Volkswagen Group|DE|X
BMW Group|DE|X
Mercedes-Benz AG|DE|X
Porsche AG|DE|L
AUDI AG|DE|L
Stellantis|NL|X
Renault Group|FR|L
Toyota Motor Corporation|JP|X
Honda|JP|X
Nissan Motor Corporation|JP|L
Hyundai Motor Company|KR|X
Kia|KR|L
Tata Motors|IN|L
Mahindra & Mahindra|IN|L
Maruti Suzuki India Limited|IN|L
Volvo Cars|SE|L
Volvo Group|SE|L
Scania|SE|M
Tesla|US|L
Ford Motor Company|US|X
General Motors|US|X
Rivian|US|M
## Motor Vehicle Parts Manufacturing
Bosch|DE|X
Continental|DE|X
ZF Group|DE|L
Schaeffler|DE|L
Valeo|FR|L
Denso|JP|L
## Appliances, Electrical, and Electronics Manufacturing
Siemens|DE|X
Siemens Energy|DE|L
Schneider Electric|FR|X
ABB|CH|X
Philips|NL|L
Samsung Electronics|KR|X
LG Electronics|KR|L
Sony|JP|X
Panasonic|JP|L
Hitachi|JP|X
Electrolux Group|SE|M
Miele|DE|M
Legrand|FR|M
General Electric|US|X
Honeywell|US|L
## Semiconductor Manufacturing
Intel Corporation|US|X
NVIDIA|US|L
AMD|US|L
Qualcomm|US|L
Texas Instruments|US|L
TSMC|TW|X
ASML|NL|L
Infineon Technologies|DE|L
STMicroelectronics|CH|L
NXP Semiconductors|NL|L
SK hynix|KR|L
Arm|GB|M
## Computers and Electronics Manufacturing
Dell Technologies|US|X
HP|US|X
Lenovo|CN|X
Cisco|US|X
Huawei|CN|X
Xiaomi|CN|L
Logitech|CH|M
Canon Inc.|JP|L
## Aviation and Aerospace Component Manufacturing
Airbus|FR|X
Boeing|US|X
Safran|FR|L
Rolls-Royce|GB|L
MTU Aero Engines|DE|M
Embraer|BR|M
Lockheed Martin|US|X
## Defense and Space Manufacturing
Thales|FR|L
BAE Systems|GB|L
Rheinmetall|DE|L
Saab|SE|M
SpaceX|US|L
## Food and Beverage Manufacturing
Nestlé|CH|X
Unilever|GB|X
Danone|FR|L
PepsiCo|US|X
The Coca-Cola Company|US|X
AB InBev|BE|X
Heineken|NL|L
Carlsberg Group|DK|L
Diageo|GB|L
Pernod Ricard|FR|L
Mondelēz International|US|L
Kraft Heinz|US|L
Dr. Oetker|DE|M
Ferrero|IT|L
Barilla Group|IT|M
Arla Foods|DK|M
Grupo Bimbo|MX|L
Ajinomoto Co., Inc.|JP|M
Britannia Industries|IN|M
## Chemical Manufacturing
BASF|DE|X
Evonik Industries|DE|L
Henkel|DE|L
Covestro|DE|M
Dow|US|L
DuPont|US|L
Air Liquide|FR|L
Solvay|BE|M
Akzo Nobel|NL|M
Reliance Industries Limited|IN|X
Asian Paints|IN|M
## Machinery Manufacturing
Caterpillar Inc.|US|L
John Deere|US|L
Komatsu|JP|L
KUKA|DE|M
TRUMPF|DE|M
Liebherr Group|CH|L
Atlas Copco|SE|L
Sandvik|SE|L
Alfa Laval|SE|M
Kone|FI|M
Wärtsilä|FI|M
Vestas|DK|M
## Medical Equipment Manufacturing
Medtronic|US|L
Siemens Healthineers|DE|L
GE HealthCare|US|L
Philips Healthcare|NL|M
Stryker|US|L
Abbott|US|X
B. Braun|DE|L
Dräger|DE|M
Carl Zeiss AG|DE|L
Olympus Corporation|JP|M
## Personal Care Product Manufacturing
L'Oréal|FR|X
Procter & Gamble|US|X
Beiersdorf|DE|M
Estée Lauder Companies|US|L
Shiseido|JP|M
Natura &Co|BR|M
## Textile Manufacturing
adidas|DE|L
Puma|DE|M
Nike|US|X
Hugo Boss|DE|M
Arvind Limited|IN|M
## Industrial Machinery Manufacturing
3M|US|L
Thyssenkrupp|DE|L
ArcelorMittal|LU|L
Tata Steel|IN|L
SKF|SE|M
Saint-Gobain|FR|L

# Retail
## Retail
Walmart|US|X
Target|US|X
Costco Wholesale|US|X
The Home Depot|US|X
IKEA|SE|X
Lidl|DE|X
ALDI SÜD|DE|X
ALDI Nord|DE|L
REWE Group|DE|L
EDEKA|DE|L
dm-drogerie markt|DE|L
MediaMarktSaturn|DE|L
Carrefour|FR|X
Auchan Retail|FR|L
Decathlon|FR|L
Leroy Merlin|FR|L
El Corte Inglés|ES|L
Mercadona|ES|L
Tesco|GB|X
Sainsbury's|GB|L
Marks and Spencer|GB|L
Ahold Delhaize|NL|X
Albert Heijn|NL|L
ICA Gruppen|SE|M
Coop|CH|M
Reliance Retail|IN|X
DMart|IN|M
AEON|JP|L
Seven & i Holdings|JP|L
Magazine Luiza|BR|L
Falabella|CL|L
Walmart de México y Centroamérica|MX|L
Woolworths Group|AU|L
## Retail Apparel and Fashion
H&M|SE|X
Inditex|ES|X
Zara|ES|L
Uniqlo|JP|L
Primark|IE|L
C&A|DE|M
Mango|ES|M
Next plc|GB|M
## Retail Luxury Goods and Jewelry
LVMH|FR|X
Kering|FR|L
Hermès|FR|M
Chanel|FR|M
Cartier|FR|M
Richemont|CH|M
Pandora|DK|M
Tanishq|IN|M
## Online and Mail Order Retail
eBay|US|L
Otto Group|DE|L
Etsy|US|M
Wayfair|US|M
ASOS|GB|M
Rakuten Ichiba|JP|S
## Retail Motor Vehicles
CarMax|US|M
Auto1 Group|DE|M

# Transportation, Logistics, Supply Chain and Storage
## Freight and Package Transportation
DHL|DE|X
DHL Supply Chain|DE|L
UPS|US|X
FedEx|US|X
Maersk|DK|X
Kuehne+Nagel|CH|L
DB Schenker|DE|L
DSV|DK|L
CEVA Logistics|FR|L
Hapag-Lloyd AG|DE|M
CMA CGM|FR|L
MSC Mediterranean Shipping Company|CH|L
Blue Dart Express|IN|M
Delhivery|IN|M
Yamato Transport|JP|M
Flexport|US|M
PostNL|NL|M
Royal Mail|GB|L
La Poste Groupe|FR|L
Correos|ES|M
## Airlines and Aviation
Lufthansa Group|DE|L
Air France-KLM|FR|L
British Airways|GB|L
Emirates|AE|L
Qatar Airways|QA|L
Delta Air Lines|US|L
United Airlines|US|L
American Airlines|US|L
Ryanair|IE|M
easyJet|GB|M
SAS|SE|M
Finnair|FI|M
IndiGo|IN|L
Air India|IN|L
LATAM Airlines|CL|L
ANA (All Nippon Airways)|JP|M
Singapore Airlines|SG|M
Fraport AG|DE|M
Schiphol Group|NL|M
## Rail Transportation
Deutsche Bahn|DE|X
SNCF|FR|X
Renfe|ES|M
SBB CFF FFS|CH|M
Network Rail|GB|L
Indian Railways|IN|X
JR East|JP|L
## Truck Transportation
J.B. Hunt Transport|US|M
Girteka|LT|M
Dachser|DE|M
Rhenus Logistics|DE|M
## Ground Passenger Transportation
FlixBus|DE|M
Bolt|EE|M
Lyft|US|M
Ola|IN|M
## Warehousing and Storage
GXO Logistics|US|M
Prologis|US|M

# Utilities
## Electric Power Generation
E.ON|DE|L
RWE|DE|L
EnBW|DE|M
Vattenfall|SE|L
Uniper|DE|M
EDF|FR|X
Engie|FR|X
Enel|IT|X
Iberdrola|ES|L
Endesa|ES|M
Fortum|FI|M
National Grid|GB|L
SSE plc|GB|M
Duke Energy|US|L
NextEra Energy|US|L
Tata Power|IN|M
NTPC Limited|IN|L
Adani Green Energy|IN|M
TEPCO|JP|L
## Renewable Energy Power Generation
Ørsted|DK|M
Statkraft|NO|M
Siemens Gamesa|ES|M
Enpal|DE|S
1KOMMA5°|DE|S
Octopus Energy|GB|M
## Water Supply and Irrigation Systems
Veolia|FR|L
Thames Water|GB|M
Berliner Wasserbetriebe|DE|S
## Natural Gas Distribution
Naturgy|ES|M
Gasunie|NL|S

# Oil, Gas, and Mining
## Oil and Gas
Shell|GB|X
BP|GB|X
TotalEnergies|FR|X
ExxonMobil|US|X
Chevron|US|X
ConocoPhillips|US|L
Equinor|NO|L
Eni|IT|L
Repsol|ES|L
OMV|AT|M
Aker BP|NO|M
Saudi Aramco|SA|X
ADNOC|AE|L
Petrobras|BR|L
Pemex|MX|L
ONGC|IN|L
Indian Oil Corporation|IN|L
Schlumberger|US|L
Halliburton|US|L
Baker Hughes|US|L
Wintershall Dea|DE|M
## Mining
BHP|AU|L
Rio Tinto|GB|L
Glencore|CH|L
Anglo American|GB|L
Vale|BR|L
Boliden|SE|M
LKAB|SE|M
Coal India Limited|IN|L
Vedanta Resources|IN|M
K+S|DE|M
Codelco|CL|M

# Construction
## Construction
Vinci|FR|X
Bouygues Construction|FR|L
Eiffage|FR|L
Hochtief|DE|L
STRABAG|AT|L
Züblin|DE|M
Goldbeck|DE|M
Skanska|SE|L
NCC|SE|M
Ferrovial|ES|L
ACS Group|ES|L
Acciona|ES|L
Balfour Beatty|GB|L
Laing O'Rourke|GB|M
Bechtel|US|L
Turner Construction Company|US|L
Fluor Corporation|US|L
Larsen & Toubro|IN|X
Shapoorji Pallonji Group|IN|M
Obayashi Corporation|JP|M
Kajima Corporation|JP|M
Samsung C&T|KR|M
## Civil Engineering
Royal BAM Group|NL|M
Implenia|CH|M
Webuild|IT|M
## Specialty Trade Contractors
Bilfinger|DE|M
Spie|FR|M
Caverion|FI|S

# Education
## Higher Education
Harvard University|US|L
Stanford University|US|L
Massachusetts Institute of Technology|US|L
University of California, Berkeley|US|L
University of Michigan|US|L
Columbia University|US|M
University of Oxford|GB|L
University of Cambridge|GB|L
Imperial College London|GB|M
University College London|GB|M
The University of Manchester|GB|M
Technische Universität München|DE|M
Ludwig-Maximilians-Universität München|DE|M
RWTH Aachen University|DE|M
Humboldt-Universität zu Berlin|DE|M
Universität Hamburg|DE|M
ETH Zürich|CH|M
EPFL|CH|M
Sorbonne Université|FR|M
HEC Paris|FR|S
INSEAD|FR|S
Université Paris-Saclay|FR|M
Universidad Complutense de Madrid|ES|M
Universitat de Barcelona|ES|M
IE University|ES|S
Politecnico di Milano|IT|M
Università Bocconi|IT|S
Delft University of Technology|NL|M
University of Amsterdam|NL|M
KTH Royal Institute of Technology|SE|M
Lund University|SE|M
Uppsala University|SE|M
University of Copenhagen|DK|M
Aalto University|FI|M
University of Oslo|NO|M
Uniwersytet Warszawski|PL|M
Indian Institute of Technology, Bombay|IN|M
Indian Institute of Technology, Delhi|IN|M
Indian Institute of Management Ahmedabad|IN|S
University of Delhi|IN|L
Anna University|IN|M
The University of Tokyo|JP|M
Kyoto University|JP|M
Seoul National University|KR|M
Tsinghua University|CN|M
National University of Singapore|SG|M
Universidade de São Paulo|BR|L
UNAM|MX|L
Tecnológico de Monterrey|MX|M
Pontificia Universidad Católica de Chile|CL|M
University of Toronto|CA|M
McGill University|CA|M
The University of Melbourne|AU|M
University of Lagos|NG|M
University of Cape Town|ZA|M
Coursera|US|M
## Primary and Secondary Education
New York City Department of Education|US|L
Los Angeles Unified School District|US|L
Berlin International School|DE|S
Lycée Français de Madrid|ES|S
Delhi Public School|IN|M
## E-Learning Providers
Udemy|US|M
Duolingo|US|M
BYJU'S|IN|L
upGrad|IN|M
GoStudent|AT|M
## Professional Training and Coaching
Dale Carnegie|US|S
Franklin Covey|US|S
General Assembly|US|S

# Government Administration
## Government Administration
U.S. Department of State|US|L
U.S. Department of Veterans Affairs|US|L
U.S. Department of Defense|US|X
HM Revenue & Customs|GB|L
Civil Service|GB|X
Bundesagentur für Arbeit|DE|L
Auswärtiges Amt|DE|M
Bundesministerium der Finanzen|DE|M
Stadt München|DE|M
Freie und Hansestadt Hamburg|DE|M
Ministère de l'Économie et des Finances|FR|M
Ville de Paris|FR|M
Ayuntamiento de Madrid|ES|M
Skatteverket|SE|M
Stockholms stad|SE|M
Government of India|IN|X
Ministry of External Affairs, India|IN|M
Tokyo Metropolitan Government|JP|M
European Commission|BE|L
European Central Bank|DE|M
European Parliament|BE|M
United Nations|US|L
World Bank Group|US|L
OECD - OCDE|FR|M
UNICEF|US|M
## Armed Forces
U.S. Army|US|X
U.S. Navy|US|L
British Army|GB|L
Bundeswehr|DE|L
Indian Army|IN|X
## Public Safety
Police Scotland|GB|M
Feuerwehr Hamburg|DE|S
## Law Enforcement
Federal Bureau of Investigation (FBI)|US|M
Metropolitan Police|GB|L
## Administration of Justice
Ministry of Justice UK|GB|M

# Accommodation Services
## Hotels and Motels
Marriott International|US|X
Hilton|US|X
Hyatt Hotels Corporation|US|L
IHG Hotels & Resorts|GB|L
Accor|FR|X
Meliá Hotels International|ES|M
NH Hotel Group|ES|M
Scandic Hotels|SE|M
Steigenberger Hotels|DE|S
Motel One|DE|M
Taj Hotels|IN|M
The Oberoi Group|IN|M
OYO|IN|M
Four Seasons Hotels and Resorts|CA|M
Mandarin Oriental Hotel Group|HK|M
## Food and Beverage Services
Starbucks|US|X
McDonald's|US|X
Compass Group|GB|X
Sodexo|FR|X
Aramark|US|L
Chipotle Mexican Grill|US|L
Domino's|US|L
Burger King|US|L
Vapiano|DE|S
Nando's|GB|M
Haldiram's|IN|M
## Restaurants
Noma|DK|S
Dishoom|GB|S
L'Atelier de Joël Robuchon|FR|S
## Travel Arrangements
Expedia Group|US|L
TUI|DE|L
Amadeus|ES|L
Trip.com Group|CN|L
MakeMyTrip|IN|M
GetYourGuide|DE|M

# Administrative and Support Services
## Staffing and Recruiting
Randstad|NL|X
Adecco|CH|X
ManpowerGroup|US|X
Robert Half|US|L
Hays|GB|L
Michael Page|GB|L
Kelly|US|L
Allegis Group|US|L
Robert Walters|GB|M
Hudson RPO|US|S
TeamLease Services|IN|M
Recruit Holdings|JP|L
Indeed|US|L
StepStone Group|DE|M
Kforce|US|M
## Facilities Services
ISS A/S|DK|X
CBRE Global Workplace Solutions|US|L
Securitas|SE|X
G4S|GB|L
WISAG|DE|M
## Outsourcing and Offshoring Consulting
Teleperformance|FR|X
Concentrix|US|X
Genpact|US|L
WNS|IN|L
Majorel|LU|M
## Events Services
Messe Frankfurt|DE|M
Messe München|DE|S
Informa|GB|M
Reed Exhibitions|GB|M
## Translation and Localization
TransPerfect|US|M
Lionbridge|US|M
DeepL|DE|S

# Real Estate and Equipment Rental Services
## Real Estate
CBRE|US|L
JLL|US|L
Cushman & Wakefield|US|L
Colliers|CA|M
Savills|GB|M
Knight Frank|GB|M
Vonovia|DE|M
Deutsche Wohnen|DE|S
Aroundtown|LU|S
Unibail-Rodamco-Westfield|FR|M
Brookfield Properties|CA|M
DLF|IN|M
Godrej Properties|IN|M
Mitsui Fudosan|JP|M
Engel & Völkers|DE|M
RE/MAX|US|L
Keller Williams Realty, Inc.|US|L
Compass|US|M
Sotheby's International Realty|US|M
WeWork|US|M
## Equipment Rental Services
Sixt|DE|M
Hertz|US|L
Europcar Mobility Group|FR|M
United Rentals|US|M
Ashtead Group|GB|M

# Wholesale
## Wholesale
Metro AG|DE|L
Sysco|US|L
McKesson|US|X
Cardinal Health|US|L
Cencora|US|L
Würth Group|DE|L
Brenntag|DE|M
Bunzl|GB|M
Arrow Electronics|US|L
Avnet|US|M
Ingram Micro|US|L
TD SYNNEX|US|L
Mitsubishi Corporation|JP|L
Mitsui & Co.|JP|L
Itochu|JP|L
Sumitomo Corporation|JP|M
Li & Fung|HK|M
Phoenix Group|DE|M
Rexel|FR|M
Sonepar|FR|M
Würth Elektronik|DE|M
Ferguson|GB|M
Grainger|US|M
Booker Group|GB|S
Jumbo Wholesale|IN|S
BayWa AG|DE|M
Olam Agri|SG|M
Cargill|US|X

# Farming, Ranching, Forestry
## Farming
Bayer Crop Science|DE|M
Syngenta Group|CH|L
Corteva Agriscience|US|L
KWS SAAT SE & Co. KGaA|DE|S
Louis Dreyfus Company|NL|M
Dole plc|IE|M
Driscoll's|US|M
Amaggi|BR|M
ITC Agri Business|IN|S
## Ranching
JBS|BR|X
Tyson Foods|US|X
Danish Crown|DK|M
Tönnies|DE|M
## Forestry and Logging
Stora Enso|FI|M
UPM|FI|M
SCA|SE|M
Weyerhaeuser|US|M
Södra|SE|S
## Fisheries
Mowi ASA|NO|M
Lerøy Seafood|NO|S
Thai Union Group|TH|M

# Holding Companies
## Holding Companies
Berkshire Hathaway|US|L
Alphabet Inc.|US|M
Tata Sons|IN|M
Aditya Birla Group|IN|X
Adani Group|IN|L
Mahindra Group|IN|L
Godrej Industries Group|IN|M
Haniel|DE|S
Oetker-Gruppe|DE|S
Investor AB|SE|S
Exor|NL|S
Bolloré|FR|M
Jardine Matheson|HK|M
CK Hutchison Holdings|HK|L
SoftBank Group|JP|M
SK Group|KR|L
Grupo Carso|MX|M
Koç Holding|TR|L
Sabancı Holding|TR|M
Dangote Group|NG|M

# Entertainment Providers
## Entertainment Providers
Live Nation Entertainment|US|L
CTS Eventim|DE|M
Cirque du Soleil|CA|M
Universal Music Group|NL|M
Sony Music Entertainment|US|M
Warner Music Group|US|M
Bertelsmann|DE|L
Paramount|US|L
Pathé|FR|S
Yash Raj Films|IN|S
Toho|JP|S
## Spectator Sports
FC Bayern München|DE|S
Real Madrid C.F.|ES|S
Manchester United|GB|S
FIFA|CH|S
UEFA|CH|S
National Basketball Association (NBA)|US|M
Board of Control for Cricket in India|IN|S
## Museums, Historical Sites, and Zoos
The Metropolitan Museum of Art|US|S
British Museum|GB|S
Musée du Louvre|FR|S
Staatliche Museen zu Berlin|DE|S
## Performing Arts
Royal Opera House|GB|S
Berliner Philharmoniker|DE|S
Wiener Staatsoper|AT|S
## Gambling Facilities and Casinos
Entain|GB|M
Flutter Entertainment|IE|M
MGM Resorts International|US|L
## Recreational Facilities
Merlin Entertainments|GB|M
Europa-Park|DE|S
Disneyland Paris|FR|M
Center Parcs|GB|M

# Consumer Services
## Non-profit Organizations
Doctors Without Borders/Médecins Sans Frontières (MSF)|CH|M
International Committee of the Red Cross - ICRC|CH|M
American Red Cross|US|L
Deutsches Rotes Kreuz|DE|L
Save the Children International|GB|M
Oxfam|GB|M
WWF|CH|M
Greenpeace|NL|S
Teach For America|US|M
Wikimedia Foundation|US|S
Bill & Melinda Gates Foundation|US|S
Caritas|DE|M
Akshaya Patra Foundation|IN|S
## Civic and Social Organizations
Rotary International|US|S
Toastmasters International|US|S
YMCA|US|M
## Personal Care Services
Toni&Guy|GB|S
Great Clips|US|M
Regis Corporation|US|M
## Consumer Services
TaskRabbit|US|S
Care.com|US|S
Helpling|DE|S
Urban Company|IN|M
## Religious Institutions
Church of England|GB|S
Evangelische Kirche in Deutschland|DE|S
"""

# V1 (pre-2022) LinkedIn industry labels per V2 group; older-era Profile.csv files carry these.
V1_INDUSTRY_BY_GROUP: dict[str, tuple[str, ...]] = {
    "Accommodation Services": ("Hospitality", "Restaurants", "Food & Beverages", "Leisure, Travel & Tourism"),
    "Administrative and Support Services": ("Staffing and Recruiting", "Outsourcing/Offshoring", "Facilities Services", "Events Services", "Translation and Localization"),
    "Construction": ("Construction", "Civil Engineering", "Building Materials"),
    "Consumer Services": ("Consumer Services", "Nonprofit Organization Management", "Civic & Social Organization", "Individual & Family Services", "Religious Institutions"),
    "Education": ("Higher Education", "Education Management", "E-Learning", "Primary/Secondary Education", "Professional Training & Coaching"),
    "Entertainment Providers": ("Entertainment", "Music", "Sports", "Museums and Institutions", "Performing Arts", "Gambling & Casinos"),
    "Farming, Ranching, Forestry": ("Farming", "Ranching", "Paper & Forest Products", "Fishery"),
    "Financial Services": ("Financial Services", "Banking", "Investment Management", "Insurance", "Venture Capital & Private Equity", "Capital Markets", "Investment Banking"),
    "Government Administration": ("Government Administration", "Military", "Public Safety", "International Affairs", "Public Policy", "Law Enforcement", "Judiciary"),
    "Holding Companies": ("Investment Management", "Financial Services"),
    "Hospitals and Health Care": ("Hospital & Health Care", "Medical Practice", "Mental Health Care", "Health, Wellness and Fitness"),
    "Manufacturing": ("Pharmaceuticals", "Automotive", "Electrical/Electronic Manufacturing", "Semiconductors", "Aviation & Aerospace", "Food Production", "Chemicals", "Machinery", "Medical Devices", "Mechanical or Industrial Engineering", "Defense & Space", "Cosmetics", "Textiles"),
    "Oil, Gas, and Mining": ("Oil & Energy", "Mining & Metals"),
    "Professional Services": ("Information Technology and Services", "Management Consulting", "Law Practice", "Legal Services", "Accounting", "Marketing and Advertising", "Architecture & Planning", "Design", "Research", "Human Resources", "Public Relations and Communications", "Veterinary"),
    "Real Estate and Equipment Rental Services": ("Real Estate", "Commercial Real Estate"),
    "Retail": ("Retail", "Apparel & Fashion", "Luxury Goods & Jewelry", "Supermarkets", "Consumer Goods"),
    "Technology, Information and Media": ("Computer Software", "Internet", "Telecommunications", "Computer & Network Security", "Publishing", "Broadcast Media", "Newspapers", "Online Media", "Computer Games"),
    "Transportation, Logistics, Supply Chain and Storage": ("Logistics and Supply Chain", "Airlines/Aviation", "Transportation/Trucking/Railroad", "Maritime", "Package/Freight Delivery", "Warehousing"),
    "Utilities": ("Utilities", "Renewables & Environment", "Oil & Energy"),
    "Wholesale": ("Wholesale", "Import and Export", "Consumer Goods", "Food & Beverages"),
}

INDUSTRY_GROUPS: tuple[str, ...] = tuple(V1_INDUSTRY_BY_GROUP)

SIZE_WEIGHT = {"X": 60.0, "L": 14.0, "M": 4.0, "S": 1.0}


@dataclass(frozen=True)
class Company:
    name: str
    group: str     # V2 top-level group
    leaf: str      # V2-style leaf label
    country: str   # ISO-3166 alpha-2
    size: str      # X / L / M / S

    @property
    def weight(self) -> float:
        return SIZE_WEIGHT[self.size]


def _parse_companies(text: str) -> tuple[Company, ...]:
    out: list[Company] = []
    group = leaf = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            leaf = line[3:].strip()
        elif line.startswith("# "):
            group = line[2:].strip()
        else:
            name, country, size = line.rsplit("|", 2)
            if name.startswith('"') and name.endswith('"'):
                name = name[1:-1]  # the quotes only protect commas in this text block
            out.append(Company(name, group, leaf, country, size))
    return tuple(out)


COMPANIES: tuple[Company, ...] = _parse_companies(COMPANY_TEXT)

# Where the owner sits, each group lists the leaf labels Profile.csv may carry (V2 labels).
LEAVES_BY_GROUP: dict[str, tuple[str, ...]] = {}
for _c in COMPANIES:
    LEAVES_BY_GROUP.setdefault(_c.group, ())
    if _c.leaf not in LEAVES_BY_GROUP[_c.group]:
        LEAVES_BY_GROUP[_c.group] += (_c.leaf,)

COMPANIES_BY_GROUP: dict[str, tuple[Company, ...]] = {
    g: tuple(c for c in COMPANIES if c.group == g) for g in INDUSTRY_GROUPS
}

# Words used to invent long-tail employers (small firms dominate the tail of every real network); each
# group gets words that also make the name classifiable, as real small-company names usually are.
LONG_TAIL_WORDS: dict[str, tuple[str, ...]] = {
    "Accommodation Services": ("Hotel", "Boutique Hotel", "Catering", "Bistro", "Kitchen", "Guesthouse", "Café", "Hospitality Group"),
    "Administrative and Support Services": ("Staffing", "Recruitment", "Talent Partners", "Facility Services", "Executive Search", "Personalberatung", "Cleaning Services", "Events"),
    "Construction": ("Construction", "Bau", "Builders", "Contracting", "Roofing", "Construcciones", "Bygg", "Civil Works"),
    "Consumer Services": ("Foundation", "Stiftung", "Association", "Verein", "Community Trust", "Fondation", "Charity"),
    "Education": ("Academy", "School", "Institute", "Learning", "Hochschule", "Collège", "Tutoring", "University of Applied Sciences"),
    "Entertainment Providers": ("Studios", "Productions", "Theatre", "Festival", "Music Group", "Esports", "Films"),
    "Farming, Ranching, Forestry": ("Farms", "Agro", "Dairy", "Forestry", "Landwirtschaft", "Seeds", "Orchards"),
    "Financial Services": ("Capital", "Bank", "Asset Management", "Wealth Partners", "Insurance Brokers", "Finance", "Ventures", "Securities", "Investments"),
    "Government Administration": ("City Council", "County", "Ministry of Finance", "Landratsamt", "Municipality", "Regional Authority", "Agency"),
    "Holding Companies": ("Holding", "Holdings", "Beteiligungen", "Group Holding"),
    "Hospitals and Health Care": ("Clinic", "Medical Center", "Hospital", "Dental", "Health", "Physiotherapy", "Praxis", "Care"),
    "Manufacturing": ("Manufacturing", "Industries", "Maschinenbau", "Precision", "Pharma", "Plastics", "Components", "Werke", "Foods"),
    "Oil, Gas, and Mining": ("Energy Resources", "Petroleum", "Mining", "Drilling", "Minerals", "Oilfield Services"),
    "Professional Services": ("Consulting", "Advisors", "Partners", "Legal", "Law Firm", "Design Studio", "Engineering", "Architects", "Accountants", "Beratung", "Conseil", "Analytics"),
    "Real Estate and Equipment Rental Services": ("Real Estate", "Properties", "Immobilien", "Realty", "Property Management", "Rentals"),
    "Retail": ("Store", "Shop", "Fashion", "Boutique", "Supermarket", "Retail", "Outlet"),
    "Technology, Information and Media": ("Software", "Labs", "Technologies", "AI", "Cloud", "Data", "Digital", "Media", "Systems", "Apps", "Games", "Security"),
    "Transportation, Logistics, Supply Chain and Storage": ("Logistics", "Freight", "Transport", "Spedition", "Shipping", "Couriers", "Supply Chain"),
    "Utilities": ("Energy", "Solar", "Wind", "Stadtwerke", "Power", "Water", "Renewables"),
    "Wholesale": ("Trading", "Wholesale", "Distribution", "Import Export", "Großhandel", "Supplies"),
}

LONG_TAIL_STEMS: tuple[str, ...] = (
    "Blue", "North", "Apex", "Bright", "Nova", "Alpine", "Cedar", "Summit", "Orbit", "Harbor", "Lumen", "Vertex",
    "Silver", "Green", "Atlas", "Pioneer", "Keystone", "Evergreen", "Polar", "Sunrise", "Quantum", "Horizon",
    "Nord", "Rhein", "Elb", "Isar", "Alster", "Spree", "Seine", "Loire", "Iberia", "Andes", "Ganga", "Kaveri",
    "Fjord", "Aurora", "Sakura", "Fuji", "Tiger", "Lotus", "Oak", "Maple", "Granite", "Copper", "Indigo",
    "Meridian", "Compass", "Beacon", "Crest", "Pinnacle", "Riverbend", "Westfield", "Eastgate", "Southport",
)

# Legal-form suffixes by country: a real source of commas ("Acme, Inc.") and of country flavour.
LEGAL_SUFFIXES: dict[str, tuple[str, ...]] = {
    "US": (", Inc.", " Inc.", " LLC", ", LLC", " Corp.", ""),
    "CA": (" Inc.", " Ltd.", ""),
    "GB": (" Ltd", " Limited", " LLP", " plc", ""),
    "IE": (" Ltd", " DAC", ""),
    "AU": (" Pty Ltd", ""),
    "DE": (" GmbH", " AG", " GmbH & Co. KG", " SE", " e.K.", ""),
    "AT": (" GmbH", " AG", ""),
    "CH": (" AG", " SA", " GmbH", ""),
    "FR": (" SA", " SAS", " SARL", ""),
    "BE": (" SA/NV", " BV", ""),
    "LU": (" S.A.", ""),
    "ES": (" S.A.", " S.L.", ""),
    "IT": (" S.p.A.", " S.r.l.", ""),
    "PT": (" Lda", " S.A.", ""),
    "NL": (" B.V.", " N.V.", ""),
    "SE": (" AB", ""),
    "NO": (" AS", " ASA", ""),
    "DK": (" A/S", " ApS", ""),
    "FI": (" Oy", " Oyj", ""),
    "PL": (" sp. z o.o.", " S.A.", ""),
    "CZ": (" s.r.o.", " a.s.", ""),
    "HR": (" d.o.o.", ""),
    "IN": (" Pvt. Ltd.", " Private Limited", " Limited", " LLP", ""),
    "JP": (" K.K.", " Co., Ltd.", " Inc.", ""),
    "KR": (" Co., Ltd.", ""),
    "CN": (" Co., Ltd.", " Ltd.", ""),
    "BR": (" Ltda.", " S.A.", ""),
    "MX": (" S.A. de C.V.", ""),
    "AR": (" S.A.", " S.R.L.", ""),
    "CL": (" SpA", " S.A.", ""),
    "CO": (" S.A.S.", ""),
    "AE": (" LLC", " FZ-LLC", ""),
    "TR": (" A.Ş.", " Ltd. Şti.", ""),
    "NG": (" Limited", " Plc", ""),
    "ZA": (" (Pty) Ltd", ""),
    "SG": (" Pte. Ltd.", ""),
}

# Non-employer values people put in their headline company field.
NON_EMPLOYERS: tuple[str, ...] = (
    "Self-employed", "Freelance", "Freelancer", "Selbstständig", "Indépendant", "Autónomo", "Stealth Startup",
    "Stealth Mode", "Confidential", "Retired", "Career Break", "Open to work", "Various", "Independent Consultant",
)
