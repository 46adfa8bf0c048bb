/* Borne de l'ESI : conversation par boutons, effacement automatique, code de reprise.
   JavaScript sans bibliothèque ; tout texte venant du serveur passe par textContent (jamais innerHTML). */
(function () {
  "use strict";

  var corps = document.body;
  var INACTIVITE = Math.max(1, Number(corps.dataset.inactivite || 180)) * 1000;
  var AVERTIR = Math.min(20000, INACTIVITE / 3);
  var REPRISE_POSSIBLE = corps.dataset.reprise === "1";
  var PICTOS = "/static/pictos/";
  // Le registre des droits (droits/registre.yaml), mis dans la page par le serveur : noms et pictogrammes.
  var DROITS = JSON.parse(document.getElementById("registre-droits").textContent);
  // Langues (issue 13) : les textes de l'écran et le registre des droits dans chaque langue, et la liste
  // des langues (nom dans sa langue, sens d'écriture, voix). Le français est la langue de départ.
  var REGISTRES = JSON.parse(document.getElementById("registre-langues").textContent);
  var TEXTES = JSON.parse(document.getElementById("textes-borne").textContent);
  var LANGUES = JSON.parse(document.getElementById("langues").textContent);
  var langue = "fr";
  var NOMS = {};
  var ALT = {};
  var STATUTS = {};

  function t(cle, valeurs) {
    function chercher(code) {
      var n = TEXTES[code];
      cle.split(".").forEach(function (p) { n = (n && typeof n === "object") ? n[p] : undefined; });
      return n;
    }
    var texte = chercher(langue);
    if (typeof texte !== "string") { texte = chercher("fr") || ""; }
    Object.keys(valeurs || {}).forEach(function (k) { texte = texte.split("{" + k + "}").join(String(valeurs[k])); });
    return texte;
  }

  function infoLangue(code) {
    for (var i = 0; i < LANGUES.length; i++) { if (LANGUES[i].code === code) { return LANGUES[i]; } }
    return LANGUES[0];
  }

  function appliquerLangue(code) {
    langue = infoLangue(code).code;
    var info = infoLangue(langue);
    document.documentElement.lang = info.bcp47;
    document.documentElement.dir = info.sens === "rtl" ? "rtl" : "ltr";
    corps.setAttribute("data-langue", langue);
    DROITS = REGISTRES[langue] || DROITS;
    NOMS = {}; ALT = {};
    ["oui", "non", "nesaispas", "tous", "rdv", "telephone", "haut_parleur"].forEach(function (k) { ALT[k] = t("alt." + k); });
    DROITS.forEach(function (d) { NOMS[d.id] = d.titre; ALT[d.id] = d.pictogramme_alt; });
    var oui = t("statuts.eligible"), non = t("statuts.non_eligible"), verifier = t("statuts.a_verifier");
    STATUTS = { eligible: oui, probable: oui, oui: oui, non_eligible: non, non: non, ineligible: non,
                a_verifier: verifier, incertain: verifier };
    Array.prototype.forEach.call(document.querySelectorAll("[data-t]"), function (e) {
      if (e.tagName === "TITLE") { document.title = t(e.getAttribute("data-t")); }
      else { e.textContent = t(e.getAttribute("data-t")); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-t-aria]"), function (e) {
      e.setAttribute("aria-label", t(e.getAttribute("data-t-aria")));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-t-alt]"), function (e) {
      e.setAttribute("alt", t(e.getAttribute("data-t-alt")));
    });
  }
  appliquerLangue("fr");

  var fil = document.getElementById("fil");
  var choix = document.getElementById("choix");
  var saisie = document.getElementById("saisie");
  var champ = document.getElementById("texte");
  var alerte = document.getElementById("alerte");
  var reprise = document.getElementById("reprise");
  var actionsVerdict = document.getElementById("actions-verdict");
  var telephone = document.getElementById("vers-telephone");
  var repriseBouton = document.getElementById("reprise-bouton");
  var repriseContenu = document.getElementById("reprise-contenu");

  var sender = nouvelId();  // remplacé par l'identifiant émis par le serveur (nouvelleSession)
  var occupe = false;
  var minuterie = null;
  var minuterieAvertir = null;

  function nouvelId() {
    var octets = new Uint8Array(16);
    window.crypto.getRandomValues(octets);
    return "borne-" + Array.prototype.map.call(octets, function (o) {
      return ("0" + o.toString(16)).slice(-2);
    }).join("");
  }

  // L'identifiant de la conversation est émis par le serveur (128 bits, POST /api/v1/chat/session) ;
  // s'il ne répond pas, un identifiant tiré ici (128 bits aussi) permet quand même de continuer.
  function nouvelleSession() {
    return appeler("/api/v1/chat/session", {}).then(function (r) {
      sender = (r.ok && r.donnees && r.donnees.sender) || nouvelId();
    });
  }

  function appeler(url, donnees) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(donnees),
      cache: "no-store"
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (d) {
        return { ok: r.ok, statut: r.status, donnees: d };
      });
    }).catch(function () {
      return { ok: false, statut: 0, donnees: null };
    });
  }

  function element(nom, classe, texte) {
    var e = document.createElement(nom);
    if (classe) { e.className = classe; }
    if (texte !== undefined && texte !== null) { e.textContent = texte; }
    return e;
  }

  function image(picto, taille) {
    var img = document.createElement("img");
    img.src = PICTOS + picto + ".svg";
    img.alt = ALT[picto] || "";
    img.width = taille; img.height = taille;
    return img;
  }

  // Lecture à voix haute (issue 13, point 6) : la voix du navigateur s'il en a une pour la langue, sinon
  // l'audio du serveur (espeak-ng) ; le pachto n'a pas de voix : on le dit, les pictogrammes restent.
  var audioEnCours = null;
  function voixNavigateur(info) {
    if (!window.speechSynthesis || !window.speechSynthesis.getVoices) { return null; }
    var voix = window.speechSynthesis.getVoices() || [];
    var base = info.bcp47.split("-")[0].toLowerCase();
    for (var i = 0; i < voix.length; i++) {
      if ((voix[i].lang || "").toLowerCase().split(/[-_]/)[0] === base) { return voix[i]; }
    }
    return null;
  }
  function lire(texte, bouton) {
    var info = infoLangue(langue);
    if (audioEnCours) { audioEnCours.pause(); audioEnCours = null; }
    if (window.speechSynthesis) { window.speechSynthesis.cancel(); }
    var voix = voixNavigateur(info);
    if (voix) {
      var u = new SpeechSynthesisUtterance(texte);
      u.voice = voix; u.lang = voix.lang;
      window.speechSynthesis.speak(u);
      bouton.setAttribute("data-lecture", "navigateur");
      return;
    }
    if (!info.voix) {
      bulle(t("ecouter_pas_de_voix"), "bot", true);
      bouton.setAttribute("data-lecture", "sans-voix");
      return;
    }
    var url = "/api/v1/audio?langue=" + encodeURIComponent(langue) + "&texte=" + encodeURIComponent(texte.slice(0, 1500));
    audioEnCours = new Audio(url);
    bouton.setAttribute("data-lecture", "serveur");
    bouton.setAttribute("data-audio", url);
    var lecture = audioEnCours.play();
    if (lecture && lecture.catch) { lecture.catch(function () {}); }
  }

  function bulle(texte, qui, sansLecture) {
    var p = element("p", "bulle bulle-" + qui, texte);
    if ((qui === "bot" || qui === "securite") && texte && !sansLecture) {
      var haut = element("button", "bouton-ecouter");
      haut.type = "button";
      haut.setAttribute("aria-label", t("ecouter"));
      var img = image("haut-parleur", 32);
      img.alt = t("alt.haut_parleur");
      haut.appendChild(img);
      haut.addEventListener("click", function (e) { e.stopPropagation(); lire(texte, haut); });
      p.appendChild(haut);
    }
    fil.appendChild(p);
    p.scrollIntoView({ block: "nearest" });
    return p;
  }

  function pictoDuBouton(b) {
    var p = (b.payload || "").toLowerCase();
    var t = (b.title || "").trim();
    var tl = t.toLowerCase();
    if (p.indexOf("/affirmer") === 0 || /^oui\b/.test(tl) || /"valeur":\s*true\b/.test(p)) { return "oui"; }
    if (p.indexOf("/nier") === 0 || /^non\b/.test(tl) || /"valeur":\s*false\b/.test(p)) { return "non"; }
    if (tl.indexOf("sais pas") >= 0 || p.indexOf("ne_sait_pas") >= 0 || /"nsp":\s*true/.test(p)) { return "nesaispas"; }
    if (p.indexOf("verifier_droits") >= 0 || /^tous\b/.test(tl)) { return "tous"; }
    for (var i = 0; i < DROITS.length; i++) {
      if (p === "/" + DROITS[i].intention) { return DROITS[i].id; }
    }
    if (p.indexOf("rdv") >= 0 || tl.indexOf("rendez-vous") >= 0) { return "rdv"; }
    return null;
  }

  // Au clavier, les nouveaux boutons prennent le focus ; au toucher, jamais : aucun bouton ne doit
  // paraître choisi avant qu'on le touche.
  var auClavier = false;
  document.addEventListener("keydown", function () { auClavier = true; }, { capture: true });
  ["pointerdown", "touchstart"].forEach(function (evt) {
    document.addEventListener(evt, function () { auClavier = false; }, { capture: true, passive: true });
  });

  function viderChoix() {
    while (choix.firstChild) { choix.removeChild(choix.firstChild); }
  }

  function montrerBoutons(boutons) {
    viderChoix();
    boutons.forEach(function (b) {
      var bouton = element("button", "bouton");
      bouton.type = "button";
      bouton.setAttribute("aria-label", b.title);
      var picto = pictoDuBouton(b);
      if (picto) { bouton.appendChild(image(picto, 56)); }
      bouton.appendChild(element("span", null, b.title));
      bouton.addEventListener("click", function () { envoyer(b.payload, b.title); });
      choix.appendChild(bouton);
    });
    var premier = choix.querySelector("button");
    if (premier && auClavier) { premier.focus({ preventScroll: true }); }
  }

  // Le verdict court (issue 15 §2) : une carte par droit (pictogramme, nom, réponse, montant, la
  // prochaine chose à faire), dans le fil, puis l'offre de rendez-vous et ses boutons juste dessous.
  function montrerVerdict(resultats, infos) {
    var ancien = document.getElementById("verdict");
    if (ancien) { ancien.removeAttribute("id"); }
    var bloc = element("section", "verdict");
    bloc.id = "verdict";
    bloc.setAttribute("aria-label", t("vos_resultats"));
    var titre = element("h2", "visuellement-cache", t("vos_resultats"));
    bloc.appendChild(titre);
    var grille = element("div", "cartes");
    var droits = (resultats && resultats.droits) || {};
    var ordre = (infos && infos.droits) || Object.keys(droits);
    ordre.forEach(function (cle) {
      var d = droits[cle];
      if (!d) { return; }
      var carte = element("article", "carte statut-" + (d.statut || ""));
      carte.setAttribute("data-droit", cle);
      var h = element("h3");
      h.appendChild(image(cle, 48));
      h.appendChild(element("span", null, NOMS[cle] || cle));
      carte.appendChild(h);
      var statut = STATUTS[d.statut] || String(d.statut || "").replace(/_/g, " ");
      var ligne = statut;
      if (typeof d.montant_min === "number" && typeof d.montant_max === "number" &&
          Math.round(d.montant_min) !== Math.round(d.montant_max)) {
        ligne += t("montant_entre", { min: Math.round(d.montant_min), max: Math.round(d.montant_max) });
      } else if (typeof d.montant_mensuel === "number") {
        ligne += t("montant_environ", { montant: Math.round(d.montant_mensuel) });
      }
      carte.appendChild(element("p", "statut", ligne + "."));
      if (d.etape) { carte.appendChild(element("p", "etape", d.etape)); }
      grille.appendChild(carte);
    });
    bloc.appendChild(grille);
    fil.appendChild(bloc);
    actionsVerdict.hidden = false;
    telephone.hidden = !REPRISE_POSSIBLE;
    bloc.scrollIntoView({ block: "start" });
  }

  function texteDe(x) {
    if (x === null || x === undefined) { return ""; }
    if (typeof x === "string") { return x; }
    return x.libelle || x.texte || x.nom || x.resume || JSON.stringify(x);
  }

  function liste(parent, titre, elements) {
    if (!elements.length) { return; }
    parent.appendChild(element("p", null, titre));
    var ul = element("ul");
    elements.forEach(function (t) { ul.appendChild(element("li", null, t)); });
    parent.appendChild(ul);
  }

  var tours = 0;

  function afficher(messages, erreur) {
    var boutons = [];
    fil.removeAttribute("data-question"); fil.removeAttribute("data-groupe");
    messages = messages || [];
    // Le bot confirme l'effacement (la passerelle a vidé la conversation) : l'écran oublie aussi.
    if (messages.some(function (m) { return m.custom && m.custom.donnees_supprimees === true; })) {
      toutVider();
      corps.setAttribute("data-efface", "demande");
    }
    // Le message du verdict : les cartes et l'offre de rendez-vous remplacent son long texte (le
    // ``custom`` arrive dans le message qui suit le texte et les boutons, voir Rasa REST).
    var verdictIndex = -1;
    messages.forEach(function (m, i) { if (m.custom && m.custom.resultats) { verdictIndex = i; } });
    var texteDuVerdict = null;
    if (verdictIndex >= 0) {
      for (var i = verdictIndex; i >= 0; i--) { if (messages[i].text) { texteDuVerdict = messages[i]; break; } }
    }
    var derniereBulle = null;
    messages.forEach(function (m) {
      if (m.custom && m.custom.alertes) {
        // Rasa envoie le ``custom`` à part, sans texte : c'est la bulle d'avant qui porte l'alerte
        var p = m.text ? bulle(m.text, "securite") : derniereBulle;
        if (p) { p.className = "bulle bulle-securite"; p.setAttribute("role", "alert"); }
      } else if (m === texteDuVerdict) {
        var fin = (m.custom && m.custom.verdict && m.custom.verdict.offre) || null;
        var verdictMessage = messages[verdictIndex];
        montrerVerdict(verdictMessage.custom.resultats, verdictMessage.custom.verdict);
        if (!fin) { var lignes = m.text.split("\n"); fin = lignes[lignes.length - 1]; }
        bulle(fin, "bot");
      } else if (m.text) { derniereBulle = bulle(m.text, erreur ? "erreur" : "bot"); }
      if (m.buttons && m.buttons.length) { boutons = boutons.concat(m.buttons); }
      if (m.custom && m.custom.question) { fil.setAttribute("data-question", m.custom.question); }
      if (m.custom && m.custom.groupe) { fil.setAttribute("data-groupe", m.custom.groupe); }
    });
    if (boutons.length || !erreur) { montrerBoutons(boutons); }
    tours += 1;
    corps.setAttribute("data-tours", String(tours));
  }

  function envoyer(message, libelle) {
    if (occupe) { return; }
    occupe = true;
    conversationCommencee = true;
    cacherAlerte();
    Array.prototype.forEach.call(choix.querySelectorAll("button"), function (b) { b.disabled = true; });
    bulle(libelle || message, "personne");
    fil.setAttribute("aria-busy", "true");
    appeler("/api/v1/chat", { sender: sender, message: message, langue: langue }).then(function (r) {
      occupe = false;
      fil.removeAttribute("aria-busy");
      if (r.ok) {
        afficher(r.donnees);
      } else {
        var messages = (r.donnees && r.donnees.messages) || [{ text: t("indisponible") }];
        afficher(messages, true);
        Array.prototype.forEach.call(choix.querySelectorAll("button"), function (b) { b.disabled = false; });
      }
    });
  }

  function accueil() {
    corps.setAttribute("data-ecran", "conversation");
    return appeler("/api/v1/chat/accueil", { sender: sender, langue: langue }).then(function (r) {
      if (r.ok) { afficher(r.donnees); }
      else { bulle(t("indisponible"), "erreur"); }
    });
  }

  // Premier écran (issue 13) : une langue par bouton, chacune dans son nom et son écriture. Le bouton
  // « Langue » de l'en-tête y revient ; en cours de conversation, la passerelle repose la question dans la
  // nouvelle langue (/langue{"code":"…"}).
  function ecranLangues() {
    corps.setAttribute("data-ecran", "langues");
    viderChoix();
    var invite = element("p", "bulle bulle-bot invite-langue");
    var globe = image("langue", 40);
    globe.alt = t("alt.langue");
    invite.appendChild(globe);
    invite.appendChild(element("span", null, LANGUES.map(function (l) {
      return (TEXTES[l.code] && TEXTES[l.code].langue_choisir) || "";
    }).filter(function (x, i, tous) { return x && tous.indexOf(x) === i; }).slice(0, 3).join(" · ")));
    fil.appendChild(invite);
    LANGUES.forEach(function (l) {
      var bouton = element("button", "bouton bouton-une-langue");
      bouton.type = "button";
      bouton.setAttribute("data-langue", l.code);
      bouton.setAttribute("lang", l.bcp47);
      bouton.setAttribute("dir", l.sens === "rtl" ? "rtl" : "ltr");
      bouton.appendChild(element("span", null, l.nom));
      bouton.addEventListener("click", function () { choisirLangue(l.code, l.nom); });
      choix.appendChild(bouton);
    });
    var premier = choix.querySelector("button");
    if (premier && auClavier) { premier.focus({ preventScroll: true }); }
  }

  var conversationCommencee = false;
  function choisirLangue(code, nom) {
    appliquerLangue(code);
    var invite = fil.querySelector(".invite-langue");
    if (invite) { invite.parentNode.removeChild(invite); }
    if (conversationCommencee) {
      corps.setAttribute("data-ecran", "conversation");
      envoyer('/langue{"code":"' + code + '"}', nom);
      return Promise.resolve();
    }
    return accueil().then(function () { corps.setAttribute("data-pret", String(Date.now())); });
  }

  function toutVider() {
    while (fil.firstChild) { fil.removeChild(fil.firstChild); }
    fil.removeAttribute("data-question"); fil.removeAttribute("data-groupe");
    viderChoix();
    reprise.hidden = true;
    actionsVerdict.hidden = true;
    repriseContenu.hidden = true;
    repriseBouton.hidden = true;
    document.getElementById("reprise-code").textContent = "";
    var liens = document.getElementById("reprise-liens");
    while (liens.firstChild) { liens.removeChild(liens.firstChild); }
    champ.value = "";
    cacherAlerte();
  }

  function effacer(raison) {
    var ancien = sender;
    sender = nouvelId();
    occupe = false;
    conversationCommencee = false;
    toutVider();
    corps.setAttribute("data-efface", raison);
    return appeler("/api/v1/chat/effacer", { sender: ancien, raison: raison }).then(function () {
      return nouvelleSession();
    }).then(function () {
      // la personne suivante choisit sa langue ; qui efface lui-même garde la sienne
      if (raison === "inactivite") { appliquerLangue("fr"); ecranLangues(); return null; }
      return accueil();
    }).then(function () {
      corps.setAttribute("data-pret", String(Date.now()));
      if (raison === "bouton") { document.getElementById("effacer").focus(); }
    });
  }

  function cacherAlerte() { alerte.hidden = true; alerte.textContent = ""; }

  function activite() {
    cacherAlerte();
    clearTimeout(minuterie);
    clearTimeout(minuterieAvertir);
    minuterieAvertir = setTimeout(function () {
      alerte.textContent = t("bientot_efface");
      alerte.hidden = false;
    }, INACTIVITE - AVERTIR);
    minuterie = setTimeout(function () { effacer("inactivite").then(activite); }, INACTIVITE);
  }

  ["pointerdown", "keydown", "touchstart", "input", "wheel"].forEach(function (evt) {
    document.addEventListener(evt, activite, { passive: true, capture: true });
  });

  document.getElementById("effacer").addEventListener("click", function () { effacer("bouton"); });
  document.getElementById("imprimer").addEventListener("click", function () { window.print(); });
  telephone.addEventListener("click", function () {
    reprise.hidden = false;
    repriseBouton.click();
  });

  saisie.addEventListener("submit", function (e) {
    e.preventDefault();
    var texte = champ.value;
    if (!texte.trim()) {
      alerte.textContent = t("message_vide");
      alerte.hidden = false;
      return;
    }
    champ.value = "";
    envoyer(texte, texte);
  });

  repriseBouton.addEventListener("click", function () {
    appeler("/api/v1/chat/reprise", { sender: sender }).then(function (r) {
      if (!r.ok || !r.donnees) { bulle(t("code_impossible"), "erreur"); return; }
      var d = r.donnees;
      document.getElementById("reprise-code").textContent = d.code;
      var heures = Math.round(d.expire_dans_secondes / 3600);
      document.getElementById("reprise-duree").textContent =
        heures > 1 ? t("code_une_fois_heures", { heures: heures }) : t("code_une_fois_heure");
      var liens = document.getElementById("reprise-liens");
      while (liens.firstChild) { liens.removeChild(liens.firstChild); }
      (d.liens || []).forEach(function (l) {
        var fig = element("figure");
        var img = document.createElement("img");
        img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(l.qr_svg);
        img.alt = l.canal === "telegram" ? t("qr_telegram") : t("qr_sms");
        img.width = 240; img.height = 240;
        img.setAttribute("data-canal", l.canal);
        fig.appendChild(img);
        fig.appendChild(element("figcaption", null, l.consigne));
        liens.appendChild(fig);
      });
      repriseBouton.hidden = true;
      repriseContenu.hidden = false;
      document.getElementById("reprise-code").focus && repriseContenu.scrollIntoView({ block: "nearest" });
    });
  });

  document.getElementById("langue").addEventListener("click", function () { ecranLangues(); });

  activite();
  nouvelleSession().then(ecranLangues);
})();
