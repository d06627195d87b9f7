"""People vocabulary: names by culture, job functions and titles, skills, schools, places.

Companies live in `vocab_companies.py` (re-exported here). Everything is plain data: the sampling logic is in
`people.py`. Names and titles are deliberately international (diacritics, non-Latin scripts, post-nominals,
emoji) because those are exactly the values that break naive CSV and URL handling.
"""

from __future__ import annotations

from .vocab_companies import (  # noqa: F401  (re-exported)
    COMPANIES,
    COMPANIES_BY_GROUP,
    INDUSTRY_GROUPS,
    LEAVES_BY_GROUP,
    LEGAL_SUFFIXES,
    LONG_TAIL_STEMS,
    LONG_TAIL_WORDS,
    NON_EMPLOYERS,
    V1_INDUSTRY_BY_GROUP,
    Company,
)


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in text.strip().splitlines() if s.strip())


# --- names ---------------------------------------------------------------------------------------------
# culture -> (first names, last names). Multi-word entries use "_" for a space.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        _w("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan "
           "Joseph Jessica Thomas Sarah Christopher Karen Daniel Lisa Matthew Nancy Anthony Betty Mark Sandra "
           "Andrew Ashley Joshua Emily Kevin Michelle Brian Amanda Ryan Melissa Jacob Rebecca Emma Olivia Liam "
           "Noah Sophie Charlotte Oliver Harry Amelia George Isla Jack Grace Megan Chloe Ethan Hannah Tyler "
           "Lauren Kyle Brittany Connor Siobhan Aoife Cian Niamh Duncan Fiona"),
        _w("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Martin "
           "Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green Adams "
           "Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart "
           "Murphy Cook Morgan Bell Murray Kelly O'Brien O'Connor McCarthy MacDonald Fitzgerald Hughes Ward "
           "Cooper Reed Bailey Brooks Bennett Wood Barnes Fisher Henderson Coleman Patterson Jenkins Russell"),
    ),
    "de": (
        _w("Lukas Leon Finn Jonas Felix Maximilian Paul Elias Julian Tobias Sebastian Florian Matthias Stefan "
           "Andreas Michael Thomas Jürgen Uwe Björn Sören Jörg Günter Katharina Anna Lena Laura Julia Sophie "
           "Marie Hannah Lea Lisa Sarah Johanna Franziska Stefanie Sabine Birgit Ursula Anja Nicole Kerstin "
           "Jana Annika Merle Frauke Dörte Hanna-Lena Karl-Heinz Hans-Peter Jan-Niklas Moritz Niklas Tim"),
        _w("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer "
           "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt "
           "Werner Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser "
           "Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther Frank Berger Winkler "
           "Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin_von_Berg "
           "von_Arnim Graf Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Gößling"),
    ),
    "fr": (
        _w("Jean Pierre Michel Philippe Alain Nicolas Christophe Julien Thomas Antoine Maxime Hugo Louis "
           "Théo Lucas Mathéo Clément Jérôme Sébastien François Benoît Rémi Hélène Élodie Camille Léa Manon "
           "Chloé Inès Sarah Emma Juliette Céline Nathalie Isabelle Sophie Aurélie Émilie Amélie Margaux "
           "Anaïs Mélanie Gaëlle Noémie Zoé Jean-Baptiste Marie-Claire Anne-Sophie Jean-François"),
        _w("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
           "Michel Garcia David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont "
           "Lambert Bonnet François Martinez Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel "
           "Nicolas Perrin Morin Mathieu Clément Gauthier Dumont Lopez Fontaine Chevalier Robin Masson Sanchez "
           "Gérard Nguyen Boyer Denis Lemaire Duval Joly Gautier Roger Roche Roy Noël Meyer Lucas Meunier "
           "de_La_Tour Lemaître Bérenger Châtelain"),
    ),
    "es": (
        _w("José Antonio Manuel Francisco Juan David Javier Daniel Carlos Jesús Alejandro Miguel Rafael Pablo "
           "Sergio Álvaro Adrián Diego Andrés Santiago Mateo Sebastián Martín Nicolás María Carmen Ana Isabel "
           "Laura Lucía Marta Cristina Paula Sara Elena Raquel Sofía Valentina Camila Daniela Ximena Guadalupe "
           "Inés Begoña Nerea Ainhoa María_José Juan_Pablo José_Luis María_Fernanda"),
        _w("García González Rodríguez Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz "
           "Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez "
           "Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín "
           "Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez "
           "Cruz Flores Herrera Peña León Márquez Cabrera Gallego Calvo Vidal Campos Reyes Vega Fuentes "
           "Carrasco Aguilar Mendoza Rojas Vargas Castañeda Zúñiga"),
    ),
    "pt": (
        _w("João José Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael Daniel "
           "Marcelo Bruno Eduardo Felipe Rodrigo Gonçalo Tiago Maria Ana Francisca Antônia Adriana Juliana "
           "Márcia Fernanda Patrícia Aline Camila Amanda Bruna Letícia Beatriz Inês Mariana Leonor Conceição"),
        _w("Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins "
           "Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes "
           "Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo Magalhães Simões "
           "Conceição Brandão Guimarães Assunção"),
    ),
    "it": (
        _w("Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco "
           "Marco Alessandro Lorenzo Matteo Andrea Davide Federico Niccolò Maria Anna Giuseppina Rosa Angela "
           "Giovanna Teresa Lucia Carmela Francesca Giulia Chiara Sara Martina Alessia Federica Beatrice"),
        _w("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca "
           "Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso "
           "Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola De_Santis "
           "D'Angelo Marchetti Parisi Villa Conte Ferraro Fabbri Bianco Marini Grasso Valentini Messina"),
    ),
    "nl": (
        _w("Daan Sem Lucas Levi Finn Milan Jesse Thijs Bram Ruben Joris Pieter Maarten Sander Wouter Jeroen "
           "Emma Julia Tess Sophie Zoë Sara Anna Eva Fleur Lotte Femke Anouk Sanne Iris Marieke Ilse"),
        _w("de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer de_Boer Mulder "
           "de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit Dijkstra Smits de_Graaf "
           "van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen van_den_Heuvel van_der_Veen Kuipers"),
    ),
    "nordic": (
        _w("Erik Lars Anders Johan Karl Per Nils Mikael Fredrik Magnus Oskar Axel Björn Sören Søren Jørgen "
           "Øyvind Håkan Jukka Mikko Antti Juha Sami Ville Anna Eva Karin Kristina Sara Emma Ingrid Linnéa "
           "Åsa Märta Sofia Maja Elsa Astrid Sigrid Solveig Tuula Aino Päivi Sanna Liv Ingeborg Frida Malin"),
        _w("Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
           "Pettersson Jonsson Lindberg Lindström Lindqvist Bergström Åberg Sjöberg Ström Öberg Hansen Jensen "
           "Nielsen Pedersen Andersen Christensen Sørensen Rasmussen Jørgensen Madsen Olsen Johansen Berg "
           "Haugen Solberg Bakke Kristiansen Dahl Lie Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen "
           "Laine Heikkinen Koskinen Järvinen Jääskeläinen Lehtonen Saarinen"),
    ),
    "slavic": (
        _w("Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Łukasz Jakub Mateusz Wojciech Jan Tomáš "
           "Jiří Petr Martin Lukáš Ondřej Ivan Marko Luka Ivana Ana Petra Katarina Marija Anna Katarzyna "
           "Małgorzata Agnieszka Magdalena Joanna Zofia Barbora Tereza Eliška Jelena Milica Dragana Nikola "
           "Stefan Miloš Dušan Željko Goran Božena Dorota"),
        _w("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak "
           "Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski "
           "Pawłowski Michalski Król Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák "
           "Němec Kovačević Horvat Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović "
           "Nikolić Jovanović Đorđević Ilić Stanković Božić Ćosić Radić Šarić Žužić Matić"),
    ),
    "in": (
        _w("Aarav Vivaan Aditya Vihaan Arjun Sai Reyansh Ayaan Krishna Ishaan Rahul Rohit Amit Sumit Vikram "
           "Rajesh Suresh Ramesh Sanjay Anil Sunil Deepak Pradeep Karthik Srinivas Venkatesh Harish Nikhil "
           "Abhishek Gaurav Saurabh Ankit Priya Ananya Diya Saanvi Aadhya Pooja Neha Sneha Divya Kavya "
           "Shreya Anjali Swati Nisha Deepika Lakshmi Meera Radhika Ritu Sunita Aishwarya Harpreet Gurpreet "
           "Manpreet Simran Mohammed Imran Farhan Ayesha Fatima Sana"),
        _w("Sharma Verma Gupta Singh Kumar Patel Shah Mehta Joshi Iyer Iyengar Reddy Rao Naidu Nair Menon "
           "Pillai Krishnan Subramanian Ramachandran Venkataraman Chatterjee Banerjee Mukherjee Das Bose "
           "Ghosh Sen Chakraborty Agarwal Aggarwal Jain Bansal Goel Malhotra Kapoor Khanna Chopra Bhatia "
           "Sethi Arora Saxena Mishra Pandey Tiwari Dubey Yadav Chauhan Rathore Thakur Deshmukh Kulkarni "
           "Patil Joshi Gill Sandhu Dhillon Grewal Khan Siddiqui Qureshi Ansari Shaikh Fernandes D'Souza"),
    ),
    "cn": (
        _w("Wei Jing Li Ming Hui Yan Jun Lei Tao Hao Yu Xin Yang Jie Ling Fang Hong Ping Qiang Xiaoming "
           "Xiaoli Yifan Zihan Yuxuan Haoran Zhiwei Jiayi Shuang Mei Kevin Jason Vivian Cindy Eric Grace"),
        _w("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang "
           "Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei "
           "Su Lu Ding Ren Shen Yao Lu Jiang Cui Zhong Tan Lu Wang Fan Jin Shi Liao Jia Xia Wei Fu Fang Bai "
           "Zou Meng Xiong Qin Qiu Hou Xue Yan Lei Long Duan Hao Kong Shao"),
    ),
    "jp": (
        _w("Hiroshi Takashi Kenji Satoshi Yuki Daisuke Kazuki Takumi Haruto Ren Sota Yuto Kenta Shota "
           "Naoki Ryo Akira Makoto Tomoko Yoko Keiko Yumi Naomi Aiko Sakura Yui Hina Miyu Mai Ayaka Haruka "
           "Misaki Nanami Emi Rina Kaori Asuka"),
        _w("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
           "Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa "
           "Yamashita Ogawa Ishii Hasegawa Goto Okada Kondo Maeda Fujita Endo Aoki Sakamoto Murakami Ota"),
    ),
    "kr": (
        _w("Min-jun Seo-yeon Ji-hoon Ji-woo Hyun-woo Seo-jun Do-yun Ha-eun Ye-jin Soo-jin Jae-won Dong-hyun "
           "Sung-min Eun-ji Hye-jin Young-ho Jin-woo Mi-rae Da-eun Joon-ho"),
        _w("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon Hong"),
    ),
    "ar": (
        _w("Mohammed Ahmed Ali Omar Youssef Khaled Hassan Hussein Ibrahim Mahmoud Mustafa Tariq Karim Rami "
           "Fadi Ziad Sami Nabil Fatima Aisha Mariam Nour Layla Hala Rania Dina Salma Yasmin Lina Reem Huda"),
        _w("Al-Sayed Al-Farsi Al-Mansour Al-Hashimi Haddad Khoury Nasser Saleh Hamdan Aziz Rahman Abdullah "
           "Mansour Darwish Khalil Ibrahim Hassan Youssef Said Bakr El-Masry Farouk Haddad Najjar Qasim"),
    ),
    "tr": (
        _w("Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Can Cem Gökhan Onur Serkan "
           "Ayşe Fatma Emine Hatice Zeynep Elif Merve Özlem Büşra Esra Şule Gülşen Derya Ebru Selin"),
        _w("Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
           "Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy"),
    ),
    "ng": (
        _w("Chinedu Emeka Obinna Chukwuemeka Ikenna Tunde Babatunde Olumide Oluwaseun Femi Segun Kunle "
           "Adebayo Yusuf Ibrahim Chioma Ngozi Adaeze Amaka Ifeoma Funmilayo Folake Yetunde Bukola Aisha "
           "Zainab Blessing Precious Kemi Temitope"),
        _w("Okafor Okonkwo Eze Nwosu Obi Chukwu Okeke Nwachukwu Adeyemi Adebayo Ogunleye Oyelaran Balogun "
           "Afolabi Bello Abubakar Mohammed Danjuma Ibekwe Onyekachi Akinola Olawale Ogunbiyi Nnamdi"),
    ),
}

# Home country -> culture weights for the people working there (migration makes every mix non-pure).
CULTURE_MIX: dict[str, tuple[tuple[str, float], ...]] = {
    "US": (("en", 0.58), ("in", 0.12), ("es", 0.1), ("cn", 0.08), ("kr", 0.03), ("ar", 0.03), ("ng", 0.03), ("de", 0.03)),
    "GB": (("en", 0.7), ("in", 0.1), ("fr", 0.03), ("ng", 0.04), ("ar", 0.03), ("slavic", 0.04), ("it", 0.03), ("es", 0.03)),
    "CA": (("en", 0.6), ("fr", 0.15), ("in", 0.1), ("cn", 0.1), ("ar", 0.05)),
    "AU": (("en", 0.75), ("cn", 0.1), ("in", 0.1), ("it", 0.05)),
    "IE": (("en", 0.85), ("slavic", 0.1), ("in", 0.05)),
    "DE": (("de", 0.72), ("tr", 0.08), ("slavic", 0.07), ("en", 0.04), ("it", 0.03), ("in", 0.03), ("ar", 0.03)),
    "AT": (("de", 0.8), ("slavic", 0.1), ("tr", 0.05), ("en", 0.05)),
    "CH": (("de", 0.55), ("fr", 0.25), ("it", 0.1), ("en", 0.05), ("pt", 0.05)),
    "FR": (("fr", 0.78), ("ar", 0.1), ("pt", 0.04), ("es", 0.03), ("en", 0.03), ("cn", 0.02)),
    "BE": (("fr", 0.45), ("nl", 0.45), ("ar", 0.05), ("en", 0.05)),
    "LU": (("fr", 0.5), ("de", 0.2), ("pt", 0.2), ("en", 0.1)),
    "ES": (("es", 0.88), ("en", 0.03), ("ar", 0.03), ("fr", 0.03), ("it", 0.03)),
    "PT": (("pt", 0.92), ("es", 0.04), ("en", 0.04)),
    "IT": (("it", 0.9), ("es", 0.03), ("en", 0.03), ("ar", 0.04)),
    "NL": (("nl", 0.78), ("tr", 0.05), ("ar", 0.05), ("en", 0.05), ("in", 0.04), ("de", 0.03)),
    "SE": (("nordic", 0.75), ("slavic", 0.08), ("ar", 0.07), ("en", 0.05), ("tr", 0.05)),
    "NO": (("nordic", 0.85), ("slavic", 0.07), ("en", 0.08)),
    "DK": (("nordic", 0.85), ("de", 0.05), ("en", 0.05), ("tr", 0.05)),
    "FI": (("nordic", 0.92), ("en", 0.04), ("slavic", 0.04)),
    "PL": (("slavic", 0.95), ("en", 0.05)),
    "CZ": (("slavic", 0.95), ("en", 0.05)),
    "HR": (("slavic", 0.97), ("en", 0.03)),
    "RU": (("slavic", 0.95), ("en", 0.05)),
    "LT": (("slavic", 0.9), ("en", 0.1)),
    "EE": (("nordic", 0.6), ("slavic", 0.3), ("en", 0.1)),
    "IN": (("in", 0.97), ("en", 0.03)),
    "CN": (("cn", 0.97), ("en", 0.03)),
    "HK": (("cn", 0.85), ("en", 0.15)),
    "TW": (("cn", 0.95), ("en", 0.05)),
    "SG": (("cn", 0.6), ("in", 0.25), ("en", 0.15)),
    "JP": (("jp", 0.95), ("en", 0.05)),
    "KR": (("kr", 0.97), ("en", 0.03)),
    "TH": (("cn", 0.6), ("en", 0.4)),
    "AE": (("ar", 0.45), ("in", 0.35), ("en", 0.15), ("ng", 0.05)),
    "SA": (("ar", 0.85), ("in", 0.1), ("en", 0.05)),
    "QA": (("ar", 0.5), ("in", 0.4), ("en", 0.1)),
    "EG": (("ar", 1.0),),
    "TR": (("tr", 0.95), ("en", 0.05)),
    "NG": (("ng", 0.95), ("en", 0.05)),
    "KE": (("ng", 0.6), ("en", 0.4)),
    "ZA": (("en", 0.6), ("nl", 0.15), ("ng", 0.2), ("in", 0.05)),
    "IL": (("en", 0.5), ("ar", 0.2), ("slavic", 0.3)),
    "BR": (("pt", 0.9), ("it", 0.04), ("de", 0.03), ("jp", 0.03)),
    "MX": (("es", 0.97), ("en", 0.03)),
    "AR": (("es", 0.85), ("it", 0.15)),
    "CO": (("es", 1.0),),
    "CL": (("es", 0.95), ("de", 0.05)),
}

# Owner home countries and how often an export owner comes from each.
HOME_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("US", 0.24), ("GB", 0.08), ("IN", 0.12), ("DE", 0.1), ("FR", 0.06), ("ES", 0.04), ("NL", 0.03),
    ("SE", 0.03), ("NO", 0.01), ("DK", 0.01), ("FI", 0.01), ("CH", 0.02), ("AT", 0.01), ("IT", 0.03),
    ("PL", 0.02), ("BR", 0.04), ("MX", 0.02), ("CA", 0.03), ("AU", 0.02), ("JP", 0.02), ("SG", 0.01),
    ("AE", 0.01), ("NG", 0.02), ("ZA", 0.01), ("TR", 0.01), ("IE", 0.01), ("KR", 0.01), ("CN", 0.01),
    ("AR", 0.01),
)

# Countries that are "near" each other: connections come mostly from home, then neighbours, then anywhere.
REGION_OF: dict[str, str] = {
    **{c: "na" for c in ("US", "CA", "MX")},
    **{c: "eu" for c in ("GB", "IE", "DE", "AT", "CH", "FR", "BE", "LU", "ES", "PT", "IT", "NL", "SE", "NO",
                         "DK", "FI", "PL", "CZ", "HR", "LT", "EE", "RU")},
    **{c: "apac" for c in ("IN", "CN", "HK", "TW", "SG", "JP", "KR", "TH", "AU")},
    **{c: "mea" for c in ("AE", "SA", "QA", "EG", "TR", "NG", "KE", "ZA", "IL")},
    **{c: "latam" for c in ("BR", "AR", "CO", "CL")},
}

# Native-script renderings that some members use for their display name (slugs then carry them too).
NATIVE_SCRIPT_NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "jp": (("太郎", "田中"), ("花子", "佐藤"), ("健", "鈴木"), ("美咲", "高橋"), ("翔太", "山本")),
    "cn": (("伟", "王"), ("静", "李"), ("敏", "张"), ("磊", "刘"), ("婷", "陈")),
    "kr": (("민준", "김"), ("서연", "이"), ("지훈", "박")),
    "ar": (("محمد", "العلي"), ("فاطمة", "حسن")),
}

# Mathematical "styled" alphabets people paste into names to stand out.
STYLED_OFFSETS: tuple[int, ...] = (0x1D4D0, 0x1D56C, 0x1D5D4)  # bold script, bold fraktur, sans bold

EMOJI_NAME_SUFFIXES: tuple[str, ...] = ("🚀", "🌍", "✨", "🇮🇳", "🇺🇦", "🇧🇷", "🏳️‍🌈", "☕", "🎯", "💡", "🌱", "🔥")

POST_NOMINALS: tuple[str, ...] = (
    "Ph.D.", "PhD", "MBA", "CPA", "PMP", "CFA", "M.D.", "MD", "P.Eng.", "CISSP", "SHRM-CP", "ACCA", "Dr.-Ing.",
    "MSc", "FRCS", "Esq.", "CFP®", "PE",
)

# --- functions, seniority, titles ------------------------------------------------------------------------
# LinkedIn's 26 job functions with a rough share of members in each.
FUNCTION_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("Engineering", 14), ("Information Technology", 8), ("Sales", 11), ("Marketing", 7), ("Operations", 7),
    ("Finance", 5), ("Human Resources", 5), ("Business Development", 6), ("Consulting", 4),
    ("Product Management", 3), ("Program and Project Management", 4), ("Research", 3), ("Education", 4),
    ("Healthcare Services", 4), ("Legal", 2), ("Accounting", 3), ("Administrative", 3), ("Arts and Design", 3),
    ("Customer Success and Support", 3), ("Media and Communication", 3), ("Quality Assurance", 2),
    ("Purchasing", 2), ("Real Estate", 1), ("Entrepreneurship", 3), ("Community and Social Services", 1),
    ("Military and Protective Services", 1),
)
FUNCTIONS: tuple[str, ...] = tuple(f for f, _ in FUNCTION_WEIGHTS)

# function -> (individual-contributor roles, area name used in manager titles, C-level titles)
FUNCTION_TITLES: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "Engineering": (_lines("""
        Software Engineer
        Backend Engineer
        Frontend Developer
        Full Stack Developer
        Data Engineer
        Machine Learning Engineer
        DevOps Engineer
        Site Reliability Engineer
        Platform Engineer
        Mobile Developer
        iOS Developer
        Android Engineer
        Embedded Software Engineer
        Firmware Engineer
        Mechanical Engineer
        Electrical Engineer
        Civil Engineer
        Structural Engineer
        Process Engineer
        Chemical Engineer
        Hardware Engineer
        Manufacturing Engineer
        Design Engineer
        Systems Engineer
        Test Engineer
        Automotive Engineer
        Software Developer
        Data Scientist
        Analytics Engineer
        Cloud Engineer
        Security Engineer
        Solutions Architect
        Software Architect
        """), "Engineering", ("Chief Technology Officer", "CTO", "Chief Engineer")),
    "Information Technology": (_lines("""
        IT Specialist
        System Administrator
        Network Engineer
        IT Support Specialist
        Database Administrator
        IT Consultant
        Cybersecurity Analyst
        Information Security Analyst
        SAP Consultant
        Salesforce Developer
        IT Business Analyst
        Service Desk Analyst
        Infrastructure Engineer
        ERP Specialist
        """), "IT", ("Chief Information Officer", "CIO", "Chief Information Security Officer", "CISO")),
    "Sales": (_lines("""
        Account Executive
        Sales Representative
        Sales Development Representative
        Business Development Representative
        Account Manager
        Key Account Manager
        Inside Sales Representative
        Sales Engineer
        Territory Sales Manager
        Enterprise Account Executive
        Sales Consultant
        Regional Sales Manager
        Sales Associate
        Pharmaceutical Sales Representative
        """), "Sales", ("Chief Revenue Officer", "CRO", "Chief Sales Officer")),
    "Marketing": (_lines("""
        Marketing Specialist
        Marketing Manager
        Digital Marketing Specialist
        Content Marketing Manager
        Product Marketing Manager
        Brand Manager
        Growth Marketer
        SEO Specialist
        Performance Marketing Manager
        Social Media Manager
        Marketing Analyst
        Event Marketing Specialist
        CRM Manager
        """), "Marketing", ("Chief Marketing Officer", "CMO")),
    "Operations": (_lines("""
        Operations Manager
        Operations Analyst
        Supply Chain Analyst
        Logistics Coordinator
        Production Supervisor
        Plant Manager
        Warehouse Manager
        Business Operations Associate
        Fleet Manager
        Demand Planner
        Operations Specialist
        Store Manager
        """), "Operations", ("Chief Operating Officer", "COO")),
    "Finance": (_lines("""
        Financial Analyst
        Investment Analyst
        Portfolio Manager
        Controller
        Treasury Analyst
        FP&A Analyst
        Credit Analyst
        Risk Analyst
        Investment Banking Associate
        Equity Research Analyst
        Relationship Manager
        Fund Accountant
        Actuary
        Underwriter
        Quantitative Analyst
        """), "Finance", ("Chief Financial Officer", "CFO")),
    "Human Resources": (_lines("""
        HR Business Partner
        Recruiter
        Technical Recruiter
        Talent Acquisition Specialist
        HR Generalist
        People Operations Specialist
        Compensation and Benefits Analyst
        Learning and Development Specialist
        HR Coordinator
        Talent Partner
        Sourcer
        """), "People", ("Chief People Officer", "CHRO", "Chief Human Resources Officer")),
    "Business Development": (_lines("""
        Business Development Manager
        Partnerships Manager
        Strategic Partnerships Lead
        Alliance Manager
        Business Developer
        Channel Manager
        Corporate Development Associate
        """), "Business Development", ("Chief Business Officer", "Chief Strategy Officer")),
    "Consulting": (_lines("""
        Consultant
        Senior Consultant
        Management Consultant
        Strategy Consultant
        Business Analyst
        Associate Consultant
        Technology Consultant
        Engagement Manager
        Transformation Consultant
        """), "Consulting", ("Chief Strategy Officer",)),
    "Product Management": (_lines("""
        Product Manager
        Product Owner
        Technical Product Manager
        Associate Product Manager
        Group Product Manager
        Product Analyst
        """), "Product", ("Chief Product Officer", "CPO")),
    "Program and Project Management": (_lines("""
        Project Manager
        Program Manager
        Project Coordinator
        Scrum Master
        Agile Coach
        PMO Analyst
        Delivery Manager
        Technical Program Manager
        Construction Project Manager
        """), "Programs", ("Chief Transformation Officer",)),
    "Research": (_lines("""
        Research Scientist
        Research Associate
        Postdoctoral Researcher
        Research Engineer
        Clinical Research Associate
        UX Researcher
        Principal Investigator
        Lab Technician
        Doctoral Researcher
        Research Fellow
        """), "Research", ("Chief Scientific Officer", "Chief Science Officer")),
    "Education": (_lines("""
        Teacher
        Lecturer
        Assistant Professor
        Associate Professor
        Professor
        Teaching Assistant
        Instructional Designer
        Tutor
        Curriculum Developer
        Academic Advisor
        High School Teacher
        Primary School Teacher
        """), "Academics", ("Vice-Chancellor", "Provost")),
    "Healthcare Services": (_lines("""
        Registered Nurse
        Physician
        Pharmacist
        Physical Therapist
        Medical Doctor
        Nurse Practitioner
        Resident Physician
        Surgeon
        Clinical Pharmacist
        Dentist
        Radiographer
        Medical Assistant
        Psychologist
        Occupational Therapist
        Veterinarian
        """), "Clinical Services", ("Chief Medical Officer", "Chief Nursing Officer")),
    "Legal": (_lines("""
        Associate
        Attorney
        Lawyer
        Legal Counsel
        Paralegal
        Corporate Counsel
        Solicitor
        Compliance Officer
        Senior Associate
        Trainee Solicitor
        Rechtsanwalt
        Avocat
        Abogado
        """), "Legal", ("General Counsel", "Chief Legal Officer", "Chief Compliance Officer")),
    "Accounting": (_lines("""
        Accountant
        Staff Accountant
        Auditor
        Tax Consultant
        Tax Manager
        Bookkeeper
        Audit Associate
        Accounts Payable Specialist
        Chartered Accountant
        Steuerberater
        Expert-comptable
        """), "Accounting", ("Chief Accounting Officer",)),
    "Administrative": (_lines("""
        Executive Assistant
        Administrative Assistant
        Office Manager
        Receptionist
        Personal Assistant
        Office Administrator
        Team Assistant
        Data Entry Clerk
        """), "Administration", ("Chief Administrative Officer",)),
    "Arts and Design": (_lines("""
        Graphic Designer
        UX Designer
        UI Designer
        Product Designer
        Art Director
        Creative Director
        Illustrator
        Motion Designer
        Interior Designer
        Architect
        Photographer
        Fashion Designer
        """), "Design", ("Chief Design Officer", "Chief Creative Officer")),
    "Customer Success and Support": (_lines("""
        Customer Success Manager
        Customer Support Specialist
        Technical Support Engineer
        Customer Service Representative
        Client Services Associate
        Implementation Consultant
        Support Engineer
        Customer Experience Specialist
        """), "Customer Success", ("Chief Customer Officer",)),
    "Media and Communication": (_lines("""
        Communications Manager
        Journalist
        Editor
        Copywriter
        Content Writer
        PR Specialist
        Producer
        Reporter
        Technical Writer
        Video Editor
        Community Manager
        """), "Communications", ("Chief Communications Officer", "Editor-in-Chief")),
    "Quality Assurance": (_lines("""
        QA Engineer
        Quality Engineer
        Quality Assurance Analyst
        Test Automation Engineer
        Quality Control Inspector
        Validation Engineer
        QA Tester
        """), "Quality", ("Chief Quality Officer",)),
    "Purchasing": (_lines("""
        Buyer
        Procurement Specialist
        Purchasing Agent
        Category Manager
        Strategic Sourcing Manager
        Einkäufer
        Acheteur
        """), "Procurement", ("Chief Procurement Officer", "CPO")),
    "Real Estate": (_lines("""
        Real Estate Agent
        Realtor
        Property Manager
        Leasing Consultant
        Real Estate Broker
        Asset Manager
        Immobilienmakler
        """), "Real Estate", ("Chief Investment Officer",)),
    "Entrepreneurship": (_lines("""
        Founder
        Co-Founder
        Entrepreneur
        Owner
        Founder & CEO
        Co-Founder & CTO
        Managing Director
        Startup Founder
        Independent Consultant
        """), "Ventures", ("CEO", "Chief Executive Officer")),
    "Community and Social Services": (_lines("""
        Social Worker
        Case Manager
        Program Coordinator
        Volunteer Coordinator
        Counselor
        Youth Worker
        Community Organizer
        """), "Programs", ("Executive Director",)),
    "Military and Protective Services": (_lines("""
        Officer
        Security Officer
        Police Officer
        Firefighter
        Captain
        Lieutenant
        Sergeant
        Security Specialist
        Soldat
        """), "Security", ("Chief Security Officer",)),
}

# Titles written in the member's own language, with the function and LinkedIn seniority they mean.
LOCALIZED_TITLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "de": (
        ("Geschäftsführer", "Entrepreneurship", "cxo"), ("Geschäftsführerin", "Entrepreneurship", "cxo"),
        ("Softwareentwickler", "Engineering", "entry"), ("Senior Softwareentwicklerin", "Engineering", "senior"),
        ("Werkstudent Data Analytics", "Engineering", "training"), ("Werkstudentin Marketing", "Marketing", "training"),
        ("Vertriebsleiter", "Sales", "director"), ("Leiter Einkauf", "Purchasing", "director"),
        ("Abteilungsleiterin Personal", "Human Resources", "manager"), ("Projektleiter", "Program and Project Management", "manager"),
        ("Teamleiter IT-Infrastruktur", "Information Technology", "manager"), ("Sachbearbeiterin", "Administrative", "entry"),
        ("Bauingenieur", "Engineering", "entry"), ("Konstrukteur", "Engineering", "entry"),
        ("Prokurist", "Finance", "director"), ("Vorstandsvorsitzender", "Entrepreneurship", "cxo"),
        ("Referentin Unternehmenskommunikation", "Media and Communication", "entry"), ("Oberarzt", "Healthcare Services", "senior"),
        ("Assistenzärztin", "Healthcare Services", "entry"), ("Steuerberaterin", "Accounting", "senior"),
        ("Auszubildender Industriekaufmann", "Operations", "training"), ("Bereichsleiter Controlling", "Finance", "director"),
        ("Wissenschaftliche Mitarbeiterin", "Research", "entry"), ("Gesellschafter", "Entrepreneurship", "owner"),
    ),
    "fr": (
        ("Directeur Commercial", "Sales", "director"), ("Directrice Marketing", "Marketing", "director"),
        ("Chef de projet", "Program and Project Management", "manager"), ("Cheffe de projet digital", "Program and Project Management", "manager"),
        ("Ingénieur logiciel", "Engineering", "entry"), ("Ingénieure d'études", "Engineering", "entry"),
        ("Développeur Full Stack", "Engineering", "entry"), ("Responsable des ressources humaines", "Human Resources", "manager"),
        ("Président-directeur général", "Entrepreneurship", "cxo"), ("Directeur général", "Entrepreneurship", "cxo"),
        ("Stagiaire", "Administrative", "training"), ("Alternante Chargée de communication", "Media and Communication", "training"),
        ("Chargé d'affaires", "Sales", "entry"), ("Directeur administratif et financier", "Finance", "cxo"),
        ("Consultante Senior", "Consulting", "senior"), ("Responsable achats", "Purchasing", "manager"),
        ("Avocate associée", "Legal", "partner"), ("Infirmière", "Healthcare Services", "entry"),
        ("Maître de conférences", "Education", "senior"), ("Gérant", "Entrepreneurship", "owner"),
    ),
    "es": (
        ("Gerente General", "Entrepreneurship", "cxo"), ("Gerente de Ventas", "Sales", "manager"),
        ("Director de Operaciones", "Operations", "director"), ("Directora de Recursos Humanos", "Human Resources", "director"),
        ("Jefe de Proyecto", "Program and Project Management", "manager"), ("Ingeniero de Software", "Engineering", "entry"),
        ("Desarrolladora Backend", "Engineering", "entry"), ("Analista de Datos", "Engineering", "entry"),
        ("Becario", "Administrative", "training"), ("Consultor Senior", "Consulting", "senior"),
        ("Coordinadora de Marketing", "Marketing", "entry"), ("Contador Público", "Accounting", "entry"),
        ("Abogada", "Legal", "entry"), ("Socio Director", "Legal", "partner"), ("Profesora Titular", "Education", "senior"),
        ("Médico Cirujano", "Healthcare Services", "senior"), ("Fundador y CEO", "Entrepreneurship", "owner"),
    ),
    "pt": (
        ("Gerente de Projetos", "Program and Project Management", "manager"), ("Analista de Sistemas", "Information Technology", "entry"),
        ("Diretor Executivo", "Entrepreneurship", "cxo"), ("Estagiária", "Administrative", "training"),
        ("Desenvolvedor Full Stack", "Engineering", "entry"), ("Engenheira de Dados", "Engineering", "entry"),
        ("Coordenador de Vendas", "Sales", "manager"), ("Analista Financeiro Sênior", "Finance", "senior"),
        ("Sócio-fundador", "Entrepreneurship", "owner"), ("Advogada", "Legal", "entry"),
    ),
    "it": (
        ("Amministratore Delegato", "Entrepreneurship", "cxo"), ("Responsabile Commerciale", "Sales", "manager"),
        ("Ingegnere del software", "Engineering", "entry"), ("Direttore Marketing", "Marketing", "director"),
        ("Impiegata amministrativa", "Administrative", "entry"), ("Tirocinante", "Administrative", "training"),
    ),
    "nl": (
        ("Directeur", "Entrepreneurship", "cxo"), ("Accountmanager", "Sales", "entry"), ("Projectleider", "Program and Project Management", "manager"),
        ("Teamleider Klantenservice", "Customer Success and Support", "manager"), ("Stagiair", "Administrative", "training"),
        ("Eigenaar", "Entrepreneurship", "owner"), ("Adviseur", "Consulting", "entry"),
    ),
    "nordic": (
        ("VD", "Entrepreneurship", "cxo"), ("Utvecklare", "Engineering", "entry"), ("Systemutvecklare", "Engineering", "entry"),
        ("Projektledare", "Program and Project Management", "manager"), ("Säljare", "Sales", "entry"),
        ("Ekonomichef", "Finance", "director"), ("Daglig leder", "Entrepreneurship", "cxo"), ("Rådgiver", "Consulting", "entry"),
        ("Toimitusjohtaja", "Entrepreneurship", "cxo"), ("Ohjelmistokehittäjä", "Engineering", "entry"),
        ("Afdelingsleder", "Operations", "manager"), ("Sjuksköterska", "Healthcare Services", "entry"),
    ),
    "slavic": (
        ("Prezes Zarządu", "Entrepreneurship", "cxo"), ("Kierownik Projektu", "Program and Project Management", "manager"),
        ("Programista", "Engineering", "entry"), ("Specjalista ds. marketingu", "Marketing", "entry"),
        ("Jednatel", "Entrepreneurship", "cxo"), ("Vývojář", "Engineering", "entry"), ("Direktor prodaje", "Sales", "director"),
    ),
    "jp": (
        ("代表取締役", "Entrepreneurship", "cxo"), ("ソフトウェアエンジニア", "Engineering", "entry"),
        ("営業部長", "Sales", "director"), ("プロジェクトマネージャー", "Program and Project Management", "manager"),
        ("人事", "Human Resources", "entry"),
    ),
    "tr": (
        ("Genel Müdür", "Entrepreneurship", "cxo"), ("Yazılım Mühendisi", "Engineering", "entry"),
        ("Satış Müdürü", "Sales", "manager"), ("İnsan Kaynakları Uzmanı", "Human Resources", "entry"),
    ),
}

# LinkedIn's seniority levels with a rough share among members.
SENIORITY_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("training", 4), ("entry", 24), ("senior", 33), ("manager", 17), ("director", 9), ("vp", 4), ("cxo", 3),
    ("owner", 4), ("partner", 2),
)

# Headline-style positions people type instead of a plain title (adds realistic noise).
HEADLINE_TEMPLATES: tuple[str, ...] = (
    "{title} | {skill} | {skill2}",
    "{title} at {company}",
    "{title} @ {company} | ex-{other}",
    "Helping {audience} grow with {skill} 🚀",
    "{title} • {skill} • {skill2}",
    "Open to work | {title}",
    "{title} – {skill} & {skill2}",
    "Student at {school}",
    "Aspiring {title}",
    "{title} (he/him)",
    "{title} (she/her)",
)
AUDIENCES: tuple[str, ...] = (
    "SaaS founders", "B2B brands", "engineering leaders", "coaches", "small businesses", "HR teams",
    "finance teams", "healthcare providers", "D2C brands", "real estate investors", "startups",
)

# --- skills ------------------------------------------------------------------------------------------------
SKILLS_BY_FUNCTION: dict[str, tuple[str, ...]] = {
    "Engineering": ("Python", "Java", "JavaScript", "TypeScript", "C++", "C#", "Go", "Rust", "SQL", "Kubernetes", "Docker",
                    "Amazon Web Services (AWS)", "Microsoft Azure", "Google Cloud Platform (GCP)", "React.js", "Node.js",
                    "Machine Learning", "Data Engineering", "Apache Spark", "dbt", "Terraform", "Linux", "Git",
                    "Microservices", "CI/CD", "AutoCAD", "SolidWorks", "MATLAB", "Embedded Systems", "System Design"),
    "Information Technology": ("ITIL", "Active Directory", "Networking", "Cisco Networking", "Windows Server", "VMware",
                               "SAP ERP", "Salesforce.com", "Cybersecurity", "ServiceNow", "Microsoft 365", "Linux",
                               "IT Service Management", "Firewalls"),
    "Sales": ("Sales", "B2B Sales", "Negotiation", "Account Management", "Salesforce.com", "Lead Generation",
              "Cold Calling", "Solution Selling", "Customer Relationship Management (CRM)", "Sales Management",
              "Key Account Management", "Business-to-Business (B2B)", "Pipeline Management"),
    "Marketing": ("Digital Marketing", "Social Media Marketing", "Search Engine Optimization (SEO)", "Content Marketing",
                  "Google Analytics", "Marketing Strategy", "Brand Management", "Email Marketing", "HubSpot",
                  "Copywriting", "Google Ads", "Market Research", "Product Marketing"),
    "Operations": ("Operations Management", "Supply Chain Management", "Lean Six Sigma", "Logistics Management",
                   "Process Improvement", "Inventory Management", "SAP", "Continuous Improvement", "Procurement",
                   "Warehouse Operations", "Forecasting"),
    "Finance": ("Financial Analysis", "Financial Modeling", "Valuation", "Corporate Finance", "Risk Management",
                "Accounting", "Budgeting", "Investment Banking", "Portfolio Management", "Due Diligence",
                "Microsoft Excel", "Bloomberg Terminal", "Credit Analysis", "IFRS"),
    "Human Resources": ("Recruiting", "Talent Acquisition", "Human Resources (HR)", "Employee Relations", "Onboarding",
                        "Technical Recruiting", "Performance Management", "Compensation and Benefits", "Workday",
                        "Employer Branding", "Sourcing", "HR Policies"),
    "Business Development": ("Business Development", "Strategic Partnerships", "Negotiation", "New Business Development",
                             "Go-to-Market Strategy", "Market Analysis", "Relationship Building", "Business Strategy"),
    "Consulting": ("Management Consulting", "Strategy", "Business Analysis", "Change Management", "Stakeholder Management",
                   "Project Management", "Business Process Improvement", "PowerPoint", "Data Analysis",
                   "Digital Transformation"),
    "Product Management": ("Product Management", "Product Strategy", "Agile Methodologies", "User Experience (UX)",
                           "Roadmapping", "Jira", "A/B Testing", "Product Development", "Scrum", "User Research"),
    "Program and Project Management": ("Project Management", "Program Management", "Agile Project Management", "Scrum",
                                       "PMP", "Risk Management", "Stakeholder Management", "PRINCE2", "Jira",
                                       "Project Planning", "Budget Management"),
    "Research": ("Research", "Data Analysis", "Statistics", "R", "Python", "Scientific Writing", "Laboratory Skills",
                 "Molecular Biology", "Clinical Research", "Qualitative Research", "Machine Learning", "PCR"),
    "Education": ("Teaching", "Curriculum Development", "Higher Education", "Lesson Planning", "Classroom Management",
                  "Public Speaking", "E-Learning", "Educational Technology", "Research", "Tutoring"),
    "Healthcare Services": ("Patient Care", "Healthcare", "Clinical Research", "Nursing", "Medicine", "Hospitals",
                            "Basic Life Support (BLS)", "Electronic Medical Record (EMR)", "Pharmacy", "Surgery",
                            "Physical Therapy", "Public Health"),
    "Legal": ("Legal Advice", "Contract Negotiation", "Litigation", "Corporate Law", "Mergers & Acquisitions (M&A)",
              "Compliance", "Legal Writing", "Intellectual Property", "Data Protection", "GDPR", "Commercial Law"),
    "Accounting": ("Accounting", "Auditing", "Tax", "Financial Reporting", "US GAAP", "IFRS", "QuickBooks", "DATEV",
                   "Bookkeeping", "Accounts Payable", "Internal Controls", "Microsoft Excel"),
    "Administrative": ("Microsoft Office", "Administrative Assistance", "Office Administration", "Scheduling",
                       "Customer Service", "Data Entry", "Event Planning", "Travel Arrangements"),
    "Arts and Design": ("Adobe Photoshop", "Adobe Illustrator", "Figma", "User Interface Design", "User Experience (UX)",
                        "Graphic Design", "Typography", "Branding & Identity", "Adobe InDesign", "Sketch",
                        "Creative Direction", "Illustration"),
    "Customer Success and Support": ("Customer Service", "Customer Success", "Customer Satisfaction", "Zendesk",
                                     "Technical Support", "Troubleshooting", "Account Management", "Onboarding",
                                     "Customer Retention"),
    "Media and Communication": ("Communication", "Public Relations", "Journalism", "Copywriting", "Content Strategy",
                                "Social Media", "Editing", "Storytelling", "Video Production", "Corporate Communications"),
    "Quality Assurance": ("Quality Assurance", "Software Testing", "Test Automation", "Selenium", "ISO 9001",
                          "Quality Management", "Root Cause Analysis", "GMP", "Validation"),
    "Purchasing": ("Procurement", "Purchasing", "Strategic Sourcing", "Supplier Management", "Negotiation",
                   "Category Management", "SAP MM", "Supply Chain Management"),
    "Real Estate": ("Real Estate", "Property Management", "Real Estate Transactions", "Investment Properties",
                    "Leasing", "Commercial Real Estate", "Negotiation", "Sales"),
    "Entrepreneurship": ("Entrepreneurship", "Leadership", "Strategic Planning", "Start-ups", "Fundraising",
                         "Business Strategy", "Team Building", "Venture Capital", "Management"),
    "Community and Social Services": ("Social Work", "Case Management", "Nonprofit Organizations", "Community Outreach",
                                      "Volunteer Management", "Counseling", "Fundraising", "Program Development"),
    "Military and Protective Services": ("Security", "Leadership", "Military Operations", "Emergency Management",
                                         "Physical Security", "Law Enforcement", "Crisis Management"),
}
GENERIC_SKILLS: tuple[str, ...] = (
    "Leadership", "Team Leadership", "Management", "Communication", "Teamwork", "Problem Solving", "Public Speaking",
    "Microsoft Excel", "Microsoft Office", "English", "Project Management", "Strategic Planning", "Negotiation",
    "Time Management", "Analytical Skills", "Cross-functional Team Leadership", "Mentoring",
)

# --- schools, places, degrees -----------------------------------------------------------------------------
SCHOOLS_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "US": ("Stanford University", "University of California, Berkeley", "Massachusetts Institute of Technology",
           "University of Michigan", "The University of Texas at Austin", "Georgia Institute of Technology",
           "New York University", "Arizona State University", "Penn State University", "University of Washington",
           "Harvard Business School", "Columbia Business School", "Purdue University", "Ohio State University"),
    "GB": ("University of Oxford", "University of Cambridge", "Imperial College London", "University College London",
           "The University of Manchester", "University of Edinburgh", "King's College London", "London School of Economics and Political Science",
           "University of Bristol", "University of Warwick"),
    "DE": ("Technische Universität München", "Ludwig-Maximilians-Universität München", "RWTH Aachen University",
           "Karlsruher Institut für Technologie (KIT)", "Humboldt-Universität zu Berlin", "Universität Mannheim",
           "Goethe-Universität Frankfurt am Main", "Universität zu Köln", "WHU – Otto Beisheim School of Management",
           "Hochschule für Technik und Wirtschaft Berlin", "Universität Hamburg", "Technische Universität Berlin"),
    "AT": ("Universität Wien", "Technische Universität Wien", "WU (Vienna University of Economics and Business)"),
    "CH": ("ETH Zürich", "EPFL", "Universität St.Gallen (HSG)", "Universität Zürich"),
    "FR": ("HEC Paris", "ESSEC Business School", "École polytechnique", "Sciences Po", "Sorbonne Université",
           "CentraleSupélec", "Université Paris Dauphine - PSL", "EDHEC Business School", "INSA Lyon", "EPITA"),
    "BE": ("KU Leuven", "Université libre de Bruxelles", "Ghent University"),
    "ES": ("Universidad Complutense de Madrid", "Universitat Politècnica de Catalunya", "ESADE", "IE Business School",
           "Universidad Politécnica de Madrid", "Universidad de Sevilla", "Universidad Carlos III de Madrid"),
    "PT": ("Universidade de Lisboa", "Universidade do Porto", "Nova School of Business and Economics"),
    "IT": ("Politecnico di Milano", "Università Bocconi", "Sapienza Università di Roma", "Università di Bologna"),
    "NL": ("Delft University of Technology", "University of Amsterdam", "Erasmus University Rotterdam",
           "Eindhoven University of Technology", "Universiteit Utrecht"),
    "SE": ("KTH Royal Institute of Technology", "Lund University", "Chalmers tekniska högskola", "Uppsala universitet",
           "Handelshögskolan i Stockholm"),
    "NO": ("NTNU", "University of Oslo", "BI Norwegian Business School"),
    "DK": ("Copenhagen Business School", "Technical University of Denmark", "Aarhus University"),
    "FI": ("Aalto University", "University of Helsinki", "Tampere University"),
    "PL": ("Uniwersytet Warszawski", "Politechnika Warszawska", "AGH University of Science and Technology",
           "Szkoła Główna Handlowa w Warszawie"),
    "CZ": ("Univerzita Karlova", "České vysoké učení technické v Praze"),
    "HR": ("Sveučilište u Zagrebu",),
    "IN": ("Indian Institute of Technology, Bombay", "Indian Institute of Technology, Delhi", "Indian Institute of Technology, Madras",
           "BITS Pilani", "Vellore Institute of Technology", "Anna University", "University of Mumbai", "University of Delhi",
           "Indian Institute of Management Bangalore", "Manipal Institute of Technology", "Savitribai Phule Pune University",
           "Amity University", "SRM Institute of Science and Technology", "Jawaharlal Nehru Technological University"),
    "CN": ("Tsinghua University", "Peking University", "Fudan University", "Zhejiang University"),
    "HK": ("The University of Hong Kong", "HKUST"),
    "SG": ("National University of Singapore", "Nanyang Technological University Singapore"),
    "JP": ("The University of Tokyo", "Kyoto University", "Keio University", "Waseda University"),
    "KR": ("Seoul National University", "KAIST", "Yonsei University"),
    "AU": ("The University of Melbourne", "UNSW", "The University of Sydney", "Monash University"),
    "CA": ("University of Toronto", "University of Waterloo", "McGill University", "The University of British Columbia"),
    "BR": ("Universidade de São Paulo", "Universidade Estadual de Campinas", "FGV EAESP", "Insper", "UFRJ"),
    "MX": ("UNAM", "Tecnológico de Monterrey", "ITAM"),
    "AR": ("Universidad de Buenos Aires", "Instituto Tecnológico de Buenos Aires"),
    "CO": ("Universidad de los Andes", "Universidad Nacional de Colombia"),
    "CL": ("Pontificia Universidad Católica de Chile", "Universidad de Chile"),
    "AE": ("American University of Sharjah", "Khalifa University", "University of Dubai"),
    "SA": ("King Saud University", "King Fahd University of Petroleum & Minerals"),
    "TR": ("Boğaziçi Üniversitesi", "Orta Doğu Teknik Üniversitesi", "İstanbul Teknik Üniversitesi"),
    "NG": ("University of Lagos", "University of Ibadan", "Obafemi Awolowo University", "Covenant University"),
    "ZA": ("University of Cape Town", "University of the Witwatersrand", "Stellenbosch University"),
    "IE": ("Trinity College Dublin", "University College Dublin"),
}

DEGREES: tuple[str, ...] = (
    "Bachelor of Science - BS", "Bachelor of Arts - BA", "Master of Science - MS", "Master of Business Administration - MBA",
    "Bachelor of Engineering - BE", "Bachelor of Technology - BTech", "Master of Engineering - MEng",
    "Doctor of Philosophy - PhD", "Master's degree", "Bachelor's degree", "Diplom-Ingenieur", "Master of Arts - MA",
    "Licenciatura", "Diplôme d'ingénieur", "Bachelor of Laws - LLB", "Master of Laws - LLM",
    "Bachelor of Commerce - BCom", "Doctor of Medicine - MD", "Associate's degree", "High School Diploma",
)
FIELDS_OF_STUDY: tuple[str, ...] = (
    "Computer Science", "Business Administration", "Economics", "Mechanical Engineering", "Electrical Engineering",
    "Finance", "Marketing", "Psychology", "Law", "Medicine", "Mathematics", "Physics", "Chemistry", "Biology",
    "Information Systems", "Industrial Engineering", "Communication", "Design", "Political Science", "Nursing",
)

LOCATIONS_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "US": ("San Francisco Bay Area", "New York City Metropolitan Area", "Greater Seattle Area", "Austin, Texas, United States",
           "Greater Boston", "Chicago, Illinois, United States", "Los Angeles Metropolitan Area", "Atlanta, Georgia, United States",
           "Denver, Colorado, United States", "Washington DC-Baltimore Area", "Dallas-Fort Worth Metroplex", "Miami-Fort Lauderdale Area"),
    "GB": ("London, England, United Kingdom", "Greater Manchester, England, United Kingdom", "Edinburgh, Scotland, United Kingdom",
           "Bristol, England, United Kingdom", "Cambridge, England, United Kingdom", "Leeds, England, United Kingdom"),
    "DE": ("Berlin, Germany", "Munich, Bavaria, Germany", "Hamburg, Germany", "Frankfurt am Main, Hesse, Germany",
           "Cologne, North Rhine-Westphalia, Germany", "Stuttgart, Baden-Württemberg, Germany", "Düsseldorf, North Rhine-Westphalia, Germany",
           "Leipzig, Saxony, Germany"),
    "AT": ("Vienna, Vienna, Austria", "Graz, Styria, Austria"),
    "CH": ("Zurich, Zurich, Switzerland", "Geneva, Geneva, Switzerland", "Basel, Basel, Switzerland"),
    "FR": ("Paris, Île-de-France, France", "Greater Paris Metropolitan Region", "Lyon, Auvergne-Rhône-Alpes, France",
           "Toulouse, Occitanie, France", "Marseille, Provence-Alpes-Côte d'Azur, France", "Nantes, Pays de la Loire, France"),
    "BE": ("Brussels, Brussels Region, Belgium", "Antwerp, Flemish Region, Belgium"),
    "LU": ("Luxembourg, Luxembourg",),
    "ES": ("Madrid, Community of Madrid, Spain", "Barcelona, Catalonia, Spain", "Valencia, Valencian Community, Spain", "Seville, Andalusia, Spain"),
    "PT": ("Lisbon, Lisbon, Portugal", "Porto, Porto, Portugal"),
    "IT": ("Milan, Lombardy, Italy", "Rome, Latium, Italy", "Turin, Piedmont, Italy", "Bologna, Emilia Romagna, Italy"),
    "NL": ("Amsterdam, North Holland, Netherlands", "Rotterdam, South Holland, Netherlands", "Utrecht, Utrecht, Netherlands", "Eindhoven, North Brabant, Netherlands"),
    "SE": ("Stockholm, Stockholm County, Sweden", "Gothenburg, Västra Götaland County, Sweden", "Malmö, Skåne County, Sweden"),
    "NO": ("Oslo, Oslo, Norway", "Bergen, Vestland, Norway"),
    "DK": ("Copenhagen, Capital Region of Denmark, Denmark", "Aarhus, Central Denmark Region, Denmark"),
    "FI": ("Helsinki, Uusimaa, Finland", "Espoo, Uusimaa, Finland", "Tampere, Pirkanmaa, Finland"),
    "PL": ("Warsaw, Mazowieckie, Poland", "Kraków, Małopolskie, Poland", "Wrocław, Dolnośląskie, Poland"),
    "CZ": ("Prague, Prague, Czechia", "Brno, South Moravia, Czechia"),
    "HR": ("Zagreb, City of Zagreb, Croatia",),
    "RU": ("Moscow, Russia",),
    "LT": ("Vilnius, Vilnius, Lithuania",),
    "EE": ("Tallinn, Harjumaa, Estonia",),
    "IN": ("Bengaluru, Karnataka, India", "Mumbai, Maharashtra, India", "Pune, Maharashtra, India", "Hyderabad, Telangana, India",
           "Chennai, Tamil Nadu, India", "Gurugram, Haryana, India", "Noida, Uttar Pradesh, India", "New Delhi, Delhi, India",
           "Kolkata, West Bengal, India", "Ahmedabad, Gujarat, India"),
    "CN": ("Shanghai, China", "Beijing, China", "Shenzhen, Guangdong, China"),
    "HK": ("Hong Kong SAR",),
    "TW": ("Taipei City, Taiwan", "Hsinchu, Taiwan"),
    "SG": ("Singapore",),
    "JP": ("Tokyo, Japan", "Osaka, Japan", "Yokohama, Kanagawa, Japan"),
    "KR": ("Seoul, South Korea", "Pangyo, Gyeonggi, South Korea"),
    "TH": ("Bangkok City, Thailand",),
    "AU": ("Sydney, New South Wales, Australia", "Melbourne, Victoria, Australia", "Brisbane, Queensland, Australia"),
    "CA": ("Toronto, Ontario, Canada", "Vancouver, British Columbia, Canada", "Montreal, Quebec, Canada", "Calgary, Alberta, Canada"),
    "BR": ("São Paulo, São Paulo, Brazil", "Rio de Janeiro, Rio de Janeiro, Brazil", "Belo Horizonte, Minas Gerais, Brazil", "Curitiba, Paraná, Brazil"),
    "MX": ("Mexico City, Mexico", "Monterrey, Nuevo León, Mexico", "Guadalajara, Jalisco, Mexico"),
    "AR": ("Buenos Aires, Buenos Aires Province, Argentina", "Córdoba, Córdoba, Argentina"),
    "CO": ("Bogotá, D.C., Capital District, Colombia", "Medellín, Antioquia, Colombia"),
    "CL": ("Santiago, Santiago Metropolitan Region, Chile",),
    "AE": ("Dubai, United Arab Emirates", "Abu Dhabi, United Arab Emirates"),
    "SA": ("Riyadh, Riyadh, Saudi Arabia", "Dhahran, Eastern, Saudi Arabia"),
    "QA": ("Doha, Qatar",),
    "EG": ("Cairo, Egypt",),
    "TR": ("Istanbul, Türkiye", "Ankara, Türkiye"),
    "NG": ("Lagos, Lagos State, Nigeria", "Abuja, Federal Capital Territory, Nigeria"),
    "KE": ("Nairobi County, Kenya",),
    "ZA": ("Johannesburg, Gauteng, South Africa", "Cape Town, Western Cape, South Africa"),
    "IE": ("Dublin, County Dublin, Ireland", "Cork, County Cork, Ireland"),
    "IL": ("Tel Aviv-Yafo, Tel Aviv District, Israel",),
}

LANGUAGES_BY_CULTURE: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "nordic": "Swedish", "slavic": "Polish", "in": "Hindi", "cn": "Chinese", "jp": "Japanese",
    "kr": "Korean", "ar": "Arabic", "tr": "Turkish", "ng": "Yoruba",
}
PROFICIENCIES: tuple[str, ...] = (
    "Native or bilingual proficiency", "Full professional proficiency", "Professional working proficiency",
    "Limited working proficiency", "Elementary proficiency",
)

# System and sponsored senders seen in real inboxes (SENDER PROFILE URL is empty for them).
SYSTEM_SENDERS: tuple[str, ...] = (
    "Melissa from LinkedIn Premium", "LinkedIn Sales Solutions", "LinkedIn Premium", "LinkedIn Learning",
    "LinkedIn Talent Solutions", "Jessica from LinkedIn Premium", "LinkedIn Marketing Solutions",
)
LOCALIZED_SYSTEM_SENDERS: dict[str, tuple[str, ...]] = {
    "nordic": ("Sarah Walz från LinkedIn", "Emma från LinkedIn Premium"),
    "de": ("Julia von LinkedIn Premium", "LinkedIn Vertriebslösungen"),
    "fr": ("Camille de LinkedIn Premium",),
    "es": ("Lucía de LinkedIn Premium",),
    "pt": ("Ana do LinkedIn Premium",),
}
