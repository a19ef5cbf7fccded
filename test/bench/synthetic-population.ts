/**
 * A seeded generator of synthetic people and their registrations with the
 * NRM, for the matching benchmark. Names are drawn from lists of common
 * given and family names per nationality (romanised the way Norwegian
 * agencies write them), with a skewed (Zipf-like) choice so that common names
 * repeat as they do in reality; identity numbers are made with valid check
 * digits and belong to no one. Every registration knows which synthetic
 * person it is (the truth the benchmark scores against).
 */
import type { AgencyCode, IdentifierInput, PersonInput } from '@nrm-hub/kit';
import { seededRandom } from '@nrm-hub/kit/runtime';

interface NamePool {
  weight: number;
  female: string[];
  male: string[];
  family: string[];
  /** Vietnamese-style names: family name first, a middle name by sex. */
  middle?: { female: string[]; male: string[] };
  /**
   * The long tail of family names: with probability `share`, a root and a
   * suffix combined (Popescu, Skogstad, Adebayo, Srisawat...) instead of one
   * of the common names above.
   */
  tail?: { share: number; roots: string[]; suffixes: string[] };
  /** The long tail of given names: a syllable and a female or male ending. */
  givenTail?: { share: number; syllables: string[]; female: string[]; male: string[] };
}

const split = (s: string) => s.split(/\s*,\s*/);

/** Nationalities seen in Norwegian trafficking cases, with rough weights (Nigeria and Romania most common). */
const POOLS: Record<string, NamePool> = {
  NO: {
    weight: 8,
    female: split(
      'Anne, Inger, Kari, Marit, Ingrid, Liv, Eva, Berit, Astrid, Bjørg, Hilde, Nina, Solveig, Randi, Ida, Silje, Nora, Emma, Ingeborg, Sigrid, Maria, Kristin, Tone, Åse, Gro, Synnøve, Marte, Guro, Hanne, Tove',
    ),
    male: split(
      'Jan, Per, Bjørn, Ole, Lars, Kjell, Knut, Arne, Svein, Thomas, Hans, Geir, Tor, Morten, Terje, Odd, Erik, Martin, Andreas, Jon, Øystein, Håkon, Magnus, Sindre, Eirik, Jørgen, Emil, Henrik, Sander, Tobias',
    ),
    family: split(
      'Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Jensen, Karlsen, Johnsen, Pettersen, Eriksen, Berg, Haugen, Hagen, Johannessen, Andreassen, Jacobsen, Dahl, Jørgensen, Halvorsen, Henriksen, Lund, Sørensen, Jakobsen, Moen, Gundersen, Iversen, Strand, Solberg, Svendsen, Eide, Knutsen, Martinsen, Paulsen, Bakken, Kristoffersen, Mathisen, Lie, Ødegård, Bråten, Sæther, Aase, Fjeld',
    ),
    tail: {
      share: 0.6,
      roots: split(
        'Aas, Bakke, Berg, Bø, Dal, Eng, Fjell, Hauge, Holm, Lie, Mo, Nes, Rud, Skog, Strand, Vik, Myr, Sol, Tveit, Hol, Kvam, Lund, Røn, Sand, Stor, Ås, Grøn, Øver, Nord, Vest, Haug, Brekk, Foss, Gjer, Hov, Kleiv, Lang, Mel, Rør, Sæ',
      ),
      suffixes: split('en, e, stad, rud, land, li, vik, dal, heim, berg, seth, gård, bakken, aker, nes, sæter'),
    },
    givenTail: {
      share: 0.5,
      syllables: split(
        'Ing, Sig, Ast, Gun, Ran, Tor, Sol, Liv, Mar, Kir, Hel, Ren, Berg, Frø, Dag, Ragn, Al, Vi, Ei, Ha, Ol, Sve, Tro, Ar, Ste, Bjar, Gei, Hall, Vid, Ro, Jo, Es, Od, Ås, Kjell',
      ),
      female: split('rid, ny, hild, veig, borg, dis, run, a, ne, unn, frid, laug, ine, gunn'),
      male: split('mund, bjørn, geir, vald, ar, stein, vard, leif, e, kel, dor, an, ulf, finn'),
    },
  },
  RO: {
    weight: 18,
    female: split(
      'Maria, Elena, Ioana, Andreea, Ana, Mihaela, Cristina, Alexandra, Gabriela, Daniela, Florentina, Roxana, Nicoleta, Georgiana, Adriana, Ramona, Simona, Alina, Diana, Larisa, Raluca, Bianca, Denisa, Loredana, Claudia, Camelia, Violeta, Petruța, Ștefania, Luminița',
    ),
    male: split(
      'Ion, Gheorghe, Vasile, Constantin, Alexandru, Mihai, Andrei, Florin, Marian, Ionuț, Nicolae, Dumitru, Adrian, Cristian, Daniel, Ștefan, Costel, Marius, Gabriel, Bogdan, Viorel, Sorin, Cătălin, Lucian, Răzvan, Dorin, Petru, Iulian, Liviu, Claudiu',
    ),
    family: split(
      'Popa, Popescu, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Ionescu, Rusu, Munteanu, Constantin, Mihai, Marin, Florea, Tudor, Lungu, Dinu, Barbu, Cristea, Ene, Toma, Neagu, Zamfir, Sandu, Moldovan, Lazăr, Dobre, Ștefănescu, Niculescu, Vasilescu, Căldăraru, Țurcanu, Bălan, Ursu, Oprea, Voicu, Nistor',
    ),
    tail: {
      share: 0.7,
      roots: split(
        'Ion, Vasil, Dumitr, Constantin, Gheorgh, Stan, Radu, Mih, Andr, Nicul, Marin, Dobr, Barb, Pop, Tudor, Stoic, Lung, Bors, Cojoc, Croitor, Morar, Olar, Pred, Sav, Șerb, Tănas, Văduv, Zăvoi, Bogd, Man, Lup, Ursul, Chiri, Ghiț, Iord, Mocan, Oprin, Pătr, Rădul, Sim',
      ),
      suffixes: split('escu, eanu, ache, oiu, an, u, ică, ilă, aru, oaie'),
    },
    givenTail: {
      share: 0.5,
      syllables: split(
        'Ana, Ele, Flor, Lumi, Mari, Nico, Roxa, Sori, Vale, Vio, Cori, Dani, Geor, Ile, Lau, Mio, Oa, Pe, Ra, Si, Teo, Va, Za, Cris, Do, Emi, Gra, Li, Mo, Ni, Octa, Pa, Ro, Se, Tu, Ve',
      ),
      female: split('na, ela, ica, ina, ana, eta, iana, uța, ora, ia'),
      male: split('u, el, ian, ică, ache, in, ar, ean, an, ore'),
    },
  },
  NG: {
    weight: 18,
    female: split(
      'Blessing, Joy, Precious, Favour, Gift, Mercy, Peace, Faith, Esther, Grace, Chioma, Ngozi, Adaeze, Amaka, Ifeoma, Chiamaka, Funmilayo, Yetunde, Aisha, Patience, Osas, Efe, Ivie, Omosede, Osaretin, Eki, Uyi, Princess, Happiness, Success',
    ),
    male: split(
      'Emeka, Chinedu, Tunde, Ifeanyi, Segun, Uche, Obinna, Osagie, Osaro, Efosa, Nosa, Godwin, Samuel, Daniel, Emmanuel, Oluwaseun, Chukwuemeka, Babatunde, Ikenna, Kelechi, Sunday, Friday, Monday, Felix, Kingsley, Victor, Innocent, Lucky, Eghosa, Osahon',
    ),
    family: split(
      'Okafor, Adeyemi, Eze, Okonkwo, Balogun, Nwosu, Osagie, Obaseki, Igbinedion, Omoregie, Edokpolo, Osayande, Ogbeide, Aigbe, Ehigiator, Idahosa, Okoro, Nwachukwu, Ogunleye, Adebayo, Okeke, Uzor, Eboigbe, Iyamu, Omorogbe, Usman, Bello, Ibrahim, Abubakar, Egharevba, Osawe, Aimiuwu, Ekhator, Akpata, Enogieru',
    ),
    tail: {
      share: 0.75,
      roots: split('Ade, Olu, Oluwa, Ayo, Ola, Chukwu, Nwa, Ife, Osa, Omo, Igbi, Ehi, Uwa, Oke, Obi, Eze, Nne, Ogbe, Idah, Agbon, Iye, Ose, Ekh, Odi'),
      suffixes: split('yemi, wale, tunde, bayo, femi, meka, ka, nedu, gie, ghae, mwan, ose, agbon, rie, ogie, kwe, ama, diegwu, onye, bueze, si'),
    },
    givenTail: {
      share: 0.6,
      syllables: split(
        'Ade, Olu, Ayo, Chi, Ngo, Ife, Osa, Omo, Uyi, Eki, Ebe, Obi, Nne, Ama, Eze, Oke, Uche, Ike, Nna, Osi, Ehi, Ede, Iye, Aki, Ono, Tobi, Femi, Bisi, Kemi, Dayo',
      ),
      female: split('a, e, ma, nna, yo, kemi, nike, ola, oma, dinma, amaka, osa'),
      male: split('u, e, o, di, mi, sa, gie, ka, dozie, nedu, wale, kunle'),
    },
  },
  VN: {
    weight: 6,
    female: split(
      'Lan, Hoa, Trang, Anh, Huong, Linh, Mai, Ngoc, Thao, Thu, Hanh, Phuong, Yen, Nhung, Hang, Dung, Ha, Hien, Loan, Nga, Oanh, Quyen, Tam, Tuyet, Van, Xuan, Giang, Hue, Kim, My',
    ),
    male: split(
      'Minh, Anh, Huy, Long, Nam, Hung, Dung, Tuan, Duc, Hai, Son, Thanh, Quang, Phong, Khanh, Hoang, Trung, Vinh, Dat, Hieu, Thang, Kien, Cuong, Binh, Tai, Phuc, Loc, Bao, Tien, Quoc',
    ),
    family: split(
      'Nguyễn, Nguyễn, Nguyễn, Nguyễn, Trần, Trần, Lê, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý, Đào, Đoàn, Vương, Trịnh, Trương, Lâm, Phùng, Mai, Tô, Hà, Tạ, Đinh, Lương',
    ),
    middle: { female: split('Thị, Thị, Thị, Ngọc, Thu, Kim, Thanh, Mỹ'), male: split('Văn, Văn, Văn, Đức, Quang, Minh, Hữu, Công') },
    givenTail: {
      share: 0.5,
      syllables: split(
        'Bich, Cam, Chi, Diep, Doan, Gam, Hai, Hanh, Hau, Hien, Hoai, Hong, Khanh, Khue, Lam, Lien, Loan, Ly, Mien, Ngan, Nguyet, Nhi, Phuong, Quynh, Sa, Thoa, Thuy, Tien, Uyen, Vy, An, Bang, Canh, Chien, Cong, Dai, Dien, Dinh, Dong, Giang, Hau, Hiep, Hoa, Khoa, Lap, Luan, Manh, Nghia, Nhan, Phat, Quan, Sang, Tan, Thai, Thinh, Toan, Tri, Truong, Tu, Viet',
      ),
      female: split(''),
      male: split(''),
    },
  },
  TH: {
    weight: 6,
    female: split(
      'Siriporn, Nittaya, Kanya, Pranee, Somporn, Malee, Suda, Wanida, Ratana, Jintana, Porntip, Sunisa, Kannika, Pimchanok, Sasithorn, Thida, Orathai, Duangjai, Napaporn, Supaporn, Rattana, Kanokwan, Chutima, Waraporn, Anong, Busaba, Lamai, Nuch, Sukanya, Yupin',
    ),
    male: split(
      'Somchai, Anan, Chaiya, Kittisak, Somsak, Prasert, Sombat, Surachai, Wichai, Boonmee, Thawatchai, Somkiat, Narong, Pichit, Sakda, Chatchai, Nattapong, Wirat, Yuthana, Prayut, Suchart, Manop, Sompong, Kasem, Decha, Preecha, Arthit, Chalerm, Thongchai, Udom',
    ),
    family: split(
      'Srisuk, Wongsa, Chaiyasit, Boonmee, Thongdee, Saetang, Sukprasert, Phrommas, Kaewkham, Srisawat, Chanthong, Rattanakorn, Jaidee, Suwannarat, Inthong, Promma, Bunyasarn, Kongkaew, Somboon, Phothong, Saelim, Wongsuwan, Meesuk, Kaewmanee, Chaichana, Thongsuk, Sangthong, Prasertsri, Kittikun, Yodsri',
    ),
    tail: {
      share: 0.85,
      roots: split(
        'Sri, Wong, Chai, Boon, Thong, Suk, Kaew, Prom, Ratta, Jai, Suwan, In, Kong, Som, Pho, Mee, Sang, Kitti, Yod, Charoen, Siri, Phan, Wat, Nak, Pra, Saeng',
      ),
      suffixes: split('suk, sa, yasit, mee, dee, prasert, kham, sawat, thong, korn, narat, boon, kul, sri, wong, chai, phan, rat, sak, ngam, pong, wan'),
    },
    givenTail: {
      share: 0.7,
      syllables: split(
        'Sri, Wan, Kan, Pim, Sup, Nat, Chut, Wara, Rat, Dao, Kul, Nit, Pat, Sas, Tip, Ubon, Ying, Arun, Kit, Nop, Pong, Sak, Thon, Wit, Yut, Chai, Kasem, Phon, Sit, Anu',
      ),
      female: split('porn, ida, ya, thip, nee, wan, chanok, sa, rat, jai'),
      male: split('chai, sak, pong, thon, phon, wat, rit, sit, kit, phan'),
    },
  },
  AL: {
    weight: 7,
    female: split(
      'Elira, Arta, Blerina, Mirela, Anisa, Ermira, Fatjona, Jonida, Klea, Luljeta, Marsela, Orjona, Rezarta, Sidorela, Valbona, Xhesika, Besjana, Dorina, Enkeleda, Flutura, Gentiana, Irena, Kejsi, Lindita, Mimoza, Nertila, Ornela, Sara, Teuta, Zamira',
    ),
    male: split(
      'Arben, Gentian, Ilir, Besnik, Agron, Artan, Bujar, Dritan, Edmond, Ermal, Fatmir, Gazmend, Klodian, Kujtim, Lulzim, Mentor, Nderim, Petrit, Qemal, Rexhep, Saimir, Sokol, Shpëtim, Taulant, Valon, Xhevdet, Ylli, Zef, Endrit, Fation',
    ),
    family: split(
      'Hoxha, Shehu, Krasniqi, Gashi, Berisha, Kelmendi, Morina, Hasani, Dervishi, Leka, Çela, Kola, Prifti, Marku, Gjoka, Dushku, Bajrami, Rama, Meta, Basha, Lika, Muça, Xhafa, Zeqiri, Tafa, Hysa, Beqiri, Halili, Sadiku, Ymeri',
    ),
    tail: {
      share: 0.6,
      roots: split(
        'Hox, Shehu, Gash, Beris, Kelmend, Morin, Hasan, Dervish, Lek, Kol, Prift, Mark, Gjok, Dushk, Bajram, Ram, Met, Bash, Lik, Xhaf, Zeqir, Taf, Hys, Beqir, Halil, Sadik, Ymer, Ahmet, Brah, Ded, Gjon, Nikoll, Pren, Zog, Sul, Tahir, Vat, Ndoj, Mal, Curr',
      ),
      suffixes: split('aj, i, a, ollari, ja, ko, ushi'),
    },
    givenTail: {
      share: 0.5,
      syllables: split(
        'Ar, Bes, Dri, Erm, Fat, Gen, Il, Kle, Lul, Mir, Ner, Orj, Rez, Sid, Val, Xhe, Alb, Bler, Don, Elv, Flo, Gre, Jet, Lir, Mar, Pet, Rud, Sok, Tau, Vio',
      ),
      female: split('ina, ela, jona, ida, eta, ina, iana, a, ona, ije'),
      male: split('ben, nik, an, im, ian, ion, ir, ton, mal, jet'),
    },
  },
  AR: {
    weight: 10,
    female: split(
      'Fatima, Aisha, Maryam, Zainab, Khadija, Amina, Noor, Huda, Layla, Rania, Samira, Yasmin, Salma, Hanan, Nadia, Reem, Sara, Lina, Dima, Rasha, Ghada, Hala, Mona, Nour, Asma, Iman, Rana, Souad, Wafaa, Zahra',
    ),
    male: split(
      'Mohammed, Ahmed, Ali, Hussein, Hassan, Omar, Youssef, Ibrahim, Khaled, Abdullah, Mustafa, Mahmoud, Karim, Tariq, Samir, Walid, Nabil, Bilal, Hamza, Jamal, Fadi, Rami, Ziad, Osama, Sami, Adel, Majid, Nasser, Faisal, Amir',
    ),
    family: split(
      'Al-Hassan, Haddad, Khalil, Hamdan, Nasser, Saleh, Mansour, Aziz, Abbas, Darwish, Yousef, Hussein, Othman, Suleiman, Ibrahim, Mahmoud, Qasim, Rahman, Sabbagh, Shami, Taha, Zaki, Bakr, Farouk, Ghanem, Habib, Jaber, Karam, Najjar, Obeid',
    ),
    tail: {
      share: 0.6,
      roots: split(
        'Al-Hassan, Al-Hussein, Al-Ali, Al-Ahmad, Abu Omar, Abu Khalil, Al-Masri, Al-Halabi, Al-Shami, Al-Tikriti, Al-Jaber, Al-Khatib, Al-Najjar, Al-Haddad, Al-Sayed, Al-Amin, Al-Rashid, Al-Saleh, Al-Aziz, Al-Hakim, Al-Karim, Al-Farouq, Al-Qasim, Al-Yousef, Al-Majid',
      ),
      suffixes: split(', i, ani, awi'),
    },
    givenTail: {
      share: 0.45,
      syllables: split(
        'Abd, Ad, Am, Bas, Fad, Gh, Ham, Haz, Jam, Kar, Lay, Mah, Mun, Nab, Nad, Naj, Rab, Raf, Sab, Sal, Sam, Tal, Wal, Yas, Zai, Zak, Jaw, Rash, Sul, Tam',
      ),
      female: split('ila, a, ira, iya, ah, ima, ina, een, ia, ar'),
      male: split('id, ir, im, an, ad, ul, eem, er, oud, ah'),
    },
  },
  RU: {
    weight: 8,
    female: split(
      'Natalya, Tatyana, Yelena, Olga, Svetlana, Irina, Anna, Yuliya, Yekaterina, Mariya, Oksana, Lyudmila, Galina, Anastasiya, Viktoriya, Kseniya, Darya, Alyona, Valentina, Nadezhda',
    ),
    male: split(
      'Aleksandr, Sergey, Dmitriy, Andrey, Aleksey, Yevgeniy, Mikhail, Ivan, Vladimir, Nikolay, Yuriy, Oleg, Pavel, Viktor, Igor, Maksim, Artyom, Denis, Roman, Vitaliy',
    ),
    family: split(
      'Ivanov, Smirnov, Kuznetsov, Popov, Vasilyev, Petrov, Sokolov, Mikhaylov, Novikov, Fyodorov, Morozov, Volkov, Alekseyev, Lebedev, Semyonov, Yegorov, Pavlov, Kozlov, Stepanov, Nikolayev, Shevchenko, Bondarenko, Kovalenko, Tkachenko, Kravchenko, Oliynyk, Moroz, Lysenko, Marchenko, Rudenko',
    ),
    tail: {
      share: 0.7,
      roots: split(
        'Ivan, Smirn, Kuznets, Pop, Vasily, Petr, Sokol, Mikhayl, Novik, Fyodor, Moroz, Volk, Lebed, Semyon, Yegor, Pavl, Kozl, Stepan, Nikolay, Orl, Makar, Zakhar, Zayts, Solovy, Boris, Yakovl, Grigory, Roman, Voroby, Serge, Kuzmin, Frol, Korol, Gus, Kisely, Ilyin, Maksim, Polyak, Sorok, Vinograd, Kovaly, Bel, Medved, Anton, Taras, Zhuk, Baran, Filipp, Komar, Davyd',
      ),
      suffixes: split('ov, ova, ev, in, enko, uk, chuk, sky'),
    },
    givenTail: {
      share: 0.35,
      syllables: split(
        'Al, Ag, Val, Vas, Gal, Dar, Zin, Ir, Kir, Lar, Lyud, Mil, Nin, Pol, Rim, Svet, Tam, Ul, Fain, El, Bog, Vad, Vsev, Gen, Ed, Kon, Leon, Mat, Rost, Stan',
      ),
      female: split('ina, ya, ana, isa, ira, ena, ila, ara, iya, ona'),
      male: split('ik, an, im, iy, ey, or, ol, ar, ov, ian'),
    },
  },
  ER: {
    weight: 7,
    female: split(
      'Senait, Helen, Yordanos, Selam, Meron, Saba, Feven, Ruth, Lidya, Winta, Eden, Mebrat, Tsega, Hiwet, Luwam, Almaz, Aster, Mulu, Rahel, Segen',
    ),
    male: split(
      'Tesfay, Yonas, Dawit, Samuel, Habtom, Filmon, Kidane, Mehari, Tekle, Berhane, Amanuel, Yemane, Goitom, Haile, Biniam, Michael, Robel, Natnael, Efrem, Solomon',
    ),
    family: split(
      'Tesfamariam, Ghebremedhin, Haile, Tekle, Berhe, Kidane, Gebremichael, Woldu, Habte, Mehari, Yohannes, Andemariam, Asmerom, Bereket, Ghebreyesus, Kahsay, Negash, Okbay, Tewelde, Zerai',
    ),
    tail: {
      share: 0.85,
      roots: split('Ghebre, Tesfa, Habte, Wolde, Kidane, Haile, Gebre, Berhane, Mehari, Tekle'),
      suffixes: split('mariam, michael, selassie, yesus, medhin, giorgis, tsion, kidan, ab, egziabher, hiwet, slasie, tinsae, amlak, mesqel'),
    },
    givenTail: {
      share: 0.55,
      syllables: split('Ab, Ad, Ak, Al, Ber, Dan, Eyo, Fre, Gen, Hab, Hiw, Kib, Leb, Mes, Nah, Red, Sel, Ted, Yem, Zer, Sen, Tes, Mul, Gir, Aw'),
      female: split('et, a, ien, om, ait, sa, eb, ina, iha, ash'),
      male: split('om, ay, et, ai, ab, ezgi, ane, iel, on, ehn'),
    },
  },
};

const COUNTRIES = Object.keys(POOLS);
const COUNTRY_WEIGHTS = COUNTRIES.map((c) => POOLS[c]!.weight);

/** Transliteration variants that different agencies produce for the same name. */
const VARIANTS: Record<string, string[]> = Object.fromEntries(
  [
    'Mohammed, Muhammad, Mohamed, Mohammad, Muhammed',
    'Ahmed, Ahmad, Ahmet',
    'Hussein, Husain, Hussain, Husein',
    'Hassan, Hasan',
    'Youssef, Yusuf, Yousef, Yousif',
    'Ibrahim, Ebrahim, Ibraheem',
    'Abdullah, Abdallah, Abdulla',
    'Fatima, Fatma, Fatimah',
    'Aisha, Ayesha, Aicha',
    'Mustafa, Mostafa, Moustafa',
    'Omar, Umar',
    'Othman, Osman, Usman',
    'Khadija, Khadijah, Hadija',
    'Maryam, Mariam, Meriam',
    'Zainab, Zeinab, Zaynab',
    'Mahmoud, Mahmud, Mahmood',
    'Suleiman, Sulaiman, Soliman',
    'Aleksandr, Alexander, Aleksander, Alexandr',
    'Sergey, Sergei, Sergej, Serhiy',
    'Dmitriy, Dmitri, Dmitry, Dmitrij',
    'Andrey, Andrei, Andrej, Andriy',
    'Aleksey, Alexei, Alexey, Oleksiy',
    'Yevgeniy, Evgeny, Evgeniy, Jevgenij',
    'Mikhail, Mihail, Michail',
    'Nikolay, Nikolai, Mykola',
    'Yuriy, Yuri, Jurij, Iurii',
    'Natalya, Natalia, Nataliya, Natalja',
    'Tatyana, Tatiana, Tatjana',
    'Yelena, Elena, Jelena, Olena',
    'Yuliya, Julia, Yulia, Iuliia',
    'Yekaterina, Ekaterina, Katerina',
    'Mariya, Maria, Marija',
    'Kseniya, Ksenia, Xenia',
    'Oksana, Oxana',
    'Fyodorov, Fedorov, Fjodorov',
    'Semyonov, Semenov, Semjonov',
    'Alekseyev, Alekseev, Alexeev',
    'Vasilyev, Vasiliev, Vasilev',
    'Mikhaylov, Mikhailov, Mihailov',
    'Yegorov, Egorov, Jegorov',
    'Nikolayev, Nikolaev',
    'Chukwuemeka, Chukwuemeka, Emeka',
    'Oluwaseun, Oluwaseun, Seun',
    'Somchai, Somchay',
    'Siriporn, Siriphon, Siripon',
    'Porntip, Phorntip, Pornthip',
    'Supaporn, Suphaporn',
    'Thawatchai, Tawatchai',
    'Sasithorn, Sasitorn',
    'Kittisak, Kittisuk',
    'Xhevdet, Xhevet, Dzhevdet',
    'Çela, Cela, Chela',
    'Muça, Muca, Mucha',
    'Shpëtim, Shpetim',
    'Tesfamariam, Tesfamaryam, Tesfa Mariam',
    'Ghebremedhin, Gebremedhin, Ghebremedin',
    'Ghebreyesus, Gebreyesus',
    'Gebremichael, Ghebremichael, Gebremikael',
  ].flatMap((line) => {
    const group = split(line);
    return group.map((name) => [name, group.filter((g) => g !== name)] as const);
  }),
);

/** One synthetic person: the truth. */
export interface TruePerson {
  index: number;
  country: string;
  gender: 'FEMININE' | 'MASCULINE';
  given: string[];
  family: string;
  alias: string | null;
  birthDate: string;
  fodselsnummer: string | null;
  dNummer: string | null;
  duf: string | null;
  passport: string | null;
}

/** One registration an agency sends, with the person it truly is. */
export interface SyntheticRegistration {
  personIndex: number;
  agency: AgencyCode;
  person: PersonInput;
  /** Which corruptions made it differ from the person (duplicates only). */
  corruptions: string[];
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const DUF_W = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5];

function mod11(ds: number[], w: number[]): number | null {
  const r = 11 - (w.reduce((a, x, i) => a + x * ds[i]!, 0) % 11);
  return r === 11 ? 0 : r === 10 ? null : r;
}

/** Valid synthetic fødselsnummer or D-nummer (individual numbers 500–999, born 2000–2039 or 1900–1999 by range). */
function nationalId(birthDate: string, rnd: () => number, dNumber: boolean): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (dNumber ? 40 : 0);
  const year = Number(y);
  for (;;) {
    // 1940–1999: 000–499 or 900–999 (for 1940+); 2000–2039: 500–999.
    const individual = year >= 2000 ? 500 + Math.floor(rnd() * 500) : Math.floor(rnd() * 500);
    const base = `${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(individual).padStart(3, '0')}`;
    const ds = [...base].map(Number);
    const k1 = mod11(ds, W1);
    if (k1 === null) continue;
    const k2 = mod11([...ds, k1], W2);
    if (k2 === null) continue;
    return `${base}${k1}${k2}`;
  }
}

/** A valid synthetic DUF number: year, serial, (weighted sum mod 11) as two digits. */
function dufNumber(year: number, rnd: () => number): string {
  const base = `${year}${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}`;
  const sum = DUF_W.reduce((a, w, i) => a + w * Number(base[i]), 0) % 11;
  return `${base}${String(sum).padStart(2, '0')}`;
}

/** A generator of people and registrations, deterministic for a seed. */
export class Population {
  readonly rnd: () => number;
  readonly people: TruePerson[] = [];
  #passports = new Set<string>();

  constructor(seed: number) {
    this.rnd = seededRandom(seed);
  }

  #pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }

  /** Skewed choice: the first names in a list are the common ones. */
  #zipf<T>(xs: readonly T[], s = 0.9): T {
    const weights = xs.map((_, i) => 1 / (i + 1) ** s);
    let r = this.rnd() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i += 1) {
      r -= weights[i]!;
      if (r <= 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  }

  #weighted(xs: readonly string[], weights: readonly number[]): string {
    let r = this.rnd() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < xs.length; i += 1) {
      r -= weights[i]!;
      if (r <= 0) return xs[i]!;
    }
    return xs[xs.length - 1]!;
  }

  /** Makes a new synthetic person. */
  person(): TruePerson {
    const rnd = this.rnd;
    const country = this.#weighted(COUNTRIES, COUNTRY_WEIGHTS);
    const pool = POOLS[country]!;
    const gender = rnd() < 0.72 ? 'FEMININE' : 'MASCULINE';
    const names = gender === 'FEMININE' ? pool.female : pool.male;
    const givenName = (): string => {
      const t = pool.givenTail;
      if (!t || rnd() >= t.share) return this.#zipf(names, 0.7);
      const ending = this.#pick(gender === 'FEMININE' ? t.female : t.male);
      return `${this.#pick(t.syllables)}${ending}`.replace(/^(.)/, (c) => c.toUpperCase());
    };
    const given = [givenName()];
    if (pool.middle) given.unshift(this.#pick(gender === 'FEMININE' ? pool.middle.female : pool.middle.male));
    else if (rnd() < 0.25) {
      const second = givenName();
      if (second !== given[0]) given.push(second);
    }
    const tail = pool.tail;
    const family =
      tail && rnd() < tail.share
        ? `${this.#pick(tail.roots)}${this.#pick(tail.suffixes)}`.replace(/^(.)/, (c) => c.toUpperCase())
        : this.#zipf(pool.family, 0.7);
    const year = 1965 + Math.floor(rnd() * 43);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const norwegian = country === 'NO';
    let passport: string | null = null;
    if (rnd() < (norwegian ? 0.2 : 0.6)) {
      do passport = `${country === 'AR' ? 'N' : country}${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
      while (this.#passports.has(passport));
      this.#passports.add(passport);
    }
    const person: TruePerson = {
      index: this.people.length,
      country,
      gender,
      given,
      family,
      alias: rnd() < 0.08 ? this.#zipf(names) : null,
      birthDate,
      fodselsnummer: norwegian ? nationalId(birthDate, rnd, false) : null,
      dNummer: !norwegian && rnd() < 0.25 ? nationalId(birthDate, rnd, true) : null,
      duf: !norwegian && rnd() < 0.5 ? dufNumber(2005 + Math.floor(rnd() * 17), rnd) : null,
      passport,
    };
    this.people.push(person);
    return person;
  }

  /** The identifiers an agency would hold for a person. */
  #identifiers(p: TruePerson, agency: AgencyCode): IdentifierInput[] {
    const rnd = this.rnd;
    const ids: IdentifierInput[] = [];
    const passport = (): IdentifierInput => ({ type: 'PASSPORT', value: p.passport!, issuingCountry: p.country === 'AR' ? 'SY' : p.country });
    switch (agency) {
      case 'POLICE':
        if (p.fodselsnummer && rnd() < 0.9) ids.push({ type: 'FODSELSNUMMER', value: p.fodselsnummer });
        if (p.dNummer && rnd() < 0.6) ids.push({ type: 'D_NUMMER', value: p.dNummer });
        if (p.passport && rnd() < 0.4) ids.push(passport());
        break;
      case 'IMMIGRATION':
        if (p.duf && rnd() < 0.95) ids.push({ type: 'DUF_NUMMER', value: p.duf });
        if (p.passport && rnd() < 0.5) ids.push(passport());
        break;
      case 'CHILD_WELFARE':
        if (p.fodselsnummer && rnd() < 0.8) ids.push({ type: 'FODSELSNUMMER', value: p.fodselsnummer });
        if (p.duf && rnd() < 0.5) ids.push({ type: 'DUF_NUMMER', value: p.duf });
        break;
      case 'NGO':
        if (p.passport && rnd() < 0.1) ids.push(passport());
        break;
    }
    return ids;
  }

  #agency(): AgencyCode {
    return this.#weighted(['NGO', 'POLICE', 'IMMIGRATION', 'CHILD_WELFARE'], [45, 30, 20, 5]) as AgencyCode;
  }

  /** The person's first registration, as it is. */
  registration(p: TruePerson, agency: AgencyCode = this.#agency()): SyntheticRegistration {
    const citizenship = p.country === 'AR' ? this.#pick(['SY', 'IQ']) : p.country;
    return {
      personIndex: p.index,
      agency,
      person: {
        givenNames: p.given.join(' '),
        familyName: p.family,
        aliases: p.alias ? [p.alias] : [],
        birthDate: p.birthDate,
        gender: p.gender,
        citizenships: [citizenship],
        identifiers: this.#identifiers(p, agency),
      },
      corruptions: [],
    };
  }

  /**
   * Another agency's registration of the same person, spelled and dated the
   * way that agency happened to record it: one corruption (65%), two (28%)
   * or three (7%).
   */
  duplicate(p: TruePerson): SyntheticRegistration {
    const rnd = this.rnd;
    const reg = this.registration(p);
    const person = reg.person;
    let given = p.given.slice();
    let family = p.family;
    const r = rnd();
    const n = r < 0.65 ? 1 : r < 0.93 ? 2 : 3;
    const kinds = [
      ['typo', 14],
      ['transliteration', 16],
      ['swap', 10],
      ['dropGiven', 6],
      ['noDate', 7],
      ['yearOnly', 10],
      ['approxYear', 6],
      ['dayMonthSwap', 7],
      ['dayTypo', 5],
      ['dropIds', 10],
      ['noGender', 3],
      ['noCitizenship', 3],
      ['asciiOnly', 8],
    ] as const;
    const chosen = new Set<string>();
    while (chosen.size < n)
      chosen.add(
        this.#weighted(
          kinds.map((k) => k[0]),
          kinds.map((k) => k[1]),
        ),
      );
    for (const kind of chosen) {
      switch (kind) {
        case 'typo': {
          if (rnd() < 0.5 || given.length === 0) family = typo(family, rnd);
          else {
            const i = Math.floor(rnd() * given.length);
            given[i] = typo(given[i]!, rnd);
          }
          break;
        }
        case 'transliteration': {
          const tokens = [...given.map((g, i) => ['g', i, g] as const), ['f', 0, family] as const];
          const candidates = tokens.filter(([, , t]) => VARIANTS[t]);
          if (candidates.length > 0) {
            const [where, i, t] = this.#pick(candidates);
            const v = this.#pick(VARIANTS[t]!);
            if (where === 'g') given[i] = v;
            else family = v;
          } else {
            // Generic spelling drift that romanisations show.
            const [where, i, t] = this.#pick(tokens);
            const v = respell(t, rnd);
            if (where === 'g') given[i] = v;
            else family = v;
          }
          break;
        }
        case 'swap': {
          const g = given.join(' ');
          given = [family];
          family = g;
          break;
        }
        case 'dropGiven':
          if (given.length > 1) given = [given[rnd() < 0.5 ? 0 : given.length - 1]!];
          break;
        case 'noDate':
          person.birthDate = null;
          break;
        case 'yearOnly':
          person.birthDate = null;
          person.birthYear = Number(p.birthDate.slice(0, 4));
          break;
        case 'approxYear':
          person.birthDate = null;
          person.birthYear = Number(p.birthDate.slice(0, 4)) + (rnd() < 0.5 ? -1 : 1);
          break;
        case 'dayMonthSwap': {
          const [y, m, d] = p.birthDate.split('-');
          if (Number(d) <= 12 && person.birthDate) person.birthDate = `${y}-${d}-${m}`;
          break;
        }
        case 'dayTypo': {
          if (person.birthDate) {
            const [y, m, d] = person.birthDate.split('-');
            const day = Math.min(28, Math.max(1, Number(d) + (rnd() < 0.5 ? -1 : 1)));
            person.birthDate = `${y}-${m}-${String(day).padStart(2, '0')}`;
          }
          break;
        }
        case 'dropIds':
          person.identifiers = [];
          break;
        case 'noGender':
          person.gender = 'UNKNOWN';
          break;
        case 'noCitizenship':
          person.citizenships = [];
          break;
        case 'asciiOnly':
          given = given.map(ascii);
          family = ascii(family);
          break;
      }
      reg.corruptions.push(kind);
    }
    person.givenNames = given.join(' ');
    person.familyName = family;
    return reg;
  }
}

function ascii(s: string): string {
  return s.replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

/** One keyboard or hearing slip: substitute, drop, double or transpose one letter (not the first). */
function typo(word: string, rnd: () => number): string {
  if (word.length < 3) return word;
  const i = 1 + Math.floor(rnd() * (word.length - 1));
  const letters = 'abdeghiklmnoprstuv';
  const r = rnd();
  if (r < 0.35) return word.slice(0, i) + letters[Math.floor(rnd() * letters.length)] + word.slice(i + 1);
  if (r < 0.6) return word.slice(0, i) + word.slice(i + 1);
  if (r < 0.8) return word.slice(0, i) + word[i] + word.slice(i);
  if (i < word.length - 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i);
}

/** Romanisation drift: one of the spellings clerks alternate between. */
function respell(word: string, rnd: () => number): string {
  const rules: [RegExp, string][] = [
    [/ph/i, 'p'],
    [/th/i, 't'],
    [/(?<!^)y/i, 'i'],
    [/(?<!^)i(?=[aeou])/i, 'y'],
    [/ks/i, 'x'],
    [/x/i, 'ks'],
    [/ou/i, 'u'],
    [/u/i, 'ou'],
    [/c(?=[aou])/i, 'k'],
    [/k/i, 'c'],
    [/([bdfgklmnprst])\1/i, '$1'],
    [/(?<=[aeiou])([lnrst])(?=[aeiou])/i, '$1$1'],
    [/sh/i, 'sch'],
    [/j/i, 'y'],
    [/w/i, 'v'],
  ];
  const applicable = rules.filter(([re]) => re.test(word));
  if (applicable.length === 0) return word;
  const [re, to] = applicable[Math.floor(rnd() * applicable.length)]!;
  const out = word.replace(re, to);
  return out[0] === word[0] ? out : word[0] + out.slice(1);
}
