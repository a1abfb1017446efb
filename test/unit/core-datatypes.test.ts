import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/core/sections';
import { compileDataTypeRules, dataTypesIn, findSensitiveData } from '../../src/core/datatypes';
import { analyze } from '../../src/core/analyze';

const rules = compileDataTypeRules();
const typesOf = (text: string) =>
  findSensitiveData(buildDoc({ text }), rules, []).map((f) => f.type);

describe('sensitive data', () => {
  it('finds collected types in English and Chinese', () => {
    expect(typesOf('We collect your precise location and your IMEI when you use the app.')).toEqual(
      ['location', 'device-id'],
    );
    expect(typesOf('我们会收集您的人脸信息、通讯录和银行卡号。')).toEqual([
      'biometric',
      'financial',
      'contacts',
    ]);
    expect(typesOf('You may have your email information removed from our database.')).toEqual([
      'contact-info',
    ]);
  });

  it('marks precise location as high severity and coarse location as medium', () => {
    const precise = findSensitiveData(
      buildDoc({ text: 'We collect your precise GPS location.' }),
      rules,
      [],
    );
    const coarse = findSensitiveData(
      buildDoc({ text: 'We collect your location from your IP.' }),
      rules,
      [],
    );
    expect(precise.find((f) => f.type === 'location')?.severity).toBe('high');
    expect(coarse.find((f) => f.type === 'location')?.severity).toBe('medium');
  });

  it('ignores denials but keeps conditional ones', () => {
    expect(typesOf('We do not collect your fingerprint or facial recognition data.')).toEqual([]);
    expect(typesOf('我们不会收集您的通讯录。')).toEqual([]);
    expect(typesOf('We will not access your contact list unless you grant permission.')).toEqual([
      'contacts',
    ]);
    expect(typesOf('Your precise location will not be shared unless you consent.')).toEqual([
      'location',
    ]);
    // telling the user not to send something is advice; an exception does not make it a practice
    for (const text of [
      '除非本隐私政策有其他规定，我们特别提示您不要通过公共网络，向我们提供您的健康生理、通信内容等敏感信息。',
      '我们强烈建议您指导儿童不要上传真实的本人肖像照片等信息。',
      '请勿在评论中填写您的银行卡号。',
    ])
      expect(typesOf(text), text).toEqual([]);
    expect(typesOf('除非获得您的同意，我们不会收集您的健康信息。')).toEqual(['health']);
    // a leading exception of things lets those through, not what the denial names after it;
    // an exception of cases still makes the denial conditional
    expect(
      typesOf(
        "Other than names and email addresses provided at your discretion, we don't collect any social security number.",
      ),
    ).toEqual(['contact-info']);
    expect(
      typesOf("Other than as described below, we don't collect your social security number."),
    ).toEqual(['government-id']);
    expect(
      typesOf('Except in limited circumstances, we do not collect your precise location.'),
    ).toEqual(['location']);
    // "this does not mean the app collects …" denies it
    expect(
      typesOf(
        '在手机终端中可能被表述为“电话信息”，这不代表App会收集通讯内容或你主动输入的隐私信息。',
      ),
    ).not.toContain('communications');
    // an exception that belongs to a later denial leaves the first one whole
    expect(
      typesOf(
        'Kinja does not receive or store passwords from your Third Party Service and will not pass information to any other organization except in aggregate form.',
      ),
    ).toEqual([]);
    // ", however," inside the denial is an aside; as a clause's start it is a contrast
    expect(
      typesOf('We do not, however, collect IP addresses or log IP address information.'),
    ).toEqual([]);
    expect(
      typesOf('We do not collect IP addresses, however, we collect your email address.'),
    ).toEqual(['contact-info']);
    // "not limited to" is not a denial
    expect(typesOf('We collect information including but not limited to your IMEI.')).toEqual([
      'device-id',
    ]);
    // 并未 / 未 before a verb deny; "if you have not yet" (尚未, 如您未) is a condition.
    expect(typesOf('实际上我行并未读取您的手机通话记录及状态。')).toEqual([]);
    expect(typesOf('我们未收集您的通讯录。')).toEqual([]);
    expect(
      typesOf('如果您尚未使用该账号登录，我们会在获得您同意后收集您的身份证号进行实名认证。'),
    ).toEqual(['government-id']);
  });

  it('征信 inside 特征信息, a credit bureau as an identity checker, and the legal definition of a self-supporting minor are no financial data', () => {
    for (const text of [
      '第三方软件可能会收集您的设备信息（唯一设备标识符的软硬件特征信息）。',
      '我们会在本地识别、处理你的面部特征信息用于渲染效果。',
      '您同意并授权我们向有关身份认证机构（如个人征信机构、政府部门等）提供、查询、核对您的身份信息。',
      '我们会收集您的信息。十六周岁以上的未成年人，以自己的劳动收入为主要生活来源的，视为完全民事行为能力人。',
    ])
      expect(typesOf(text), text).not.toContain('financial');
    expect(typesOf('经您授权，我们会查询您的征信信息。')).toContain('financial');
    expect(typesOf('申请贷款时，我们会收集您的家庭月收入。')).toContain('financial');
  });

  it('complaints about 网络信息安全 and connecting with 社交网络 are no network data', () => {
    for (const text of [
      '如您有关于网络信息安全的投诉和举报，请通过客服与我们联系。',
      '利用社交媒体cookie，您可与社交网络连接，并通过社交媒体分享内容。',
    ])
      expect(typesOf(text), text).not.toContain('network');
    expect(typesOf('我们会收集您的网络信息和网络连接类型。')).toContain('network');
  });

  it("a product named for videos (“咪咕视频”服务, 央视频隐私保护政策) is no media of the user; the user's videos still are", () => {
    for (const text of [
      '当您注册、登录“咪咕视频”服务时，我们会收集您的手机号码。咪咕视频端内的购票服务将使用和咪咕视频同账号。',
      '央视频隐私保护政策\n\n当您登录央视频时，我们会收集您的手机号码。',
    ])
      expect(typesOf(text), text).not.toContain('media');
    expect(typesOf('当您使用“咪咕视频”服务发布内容时，我们会收集您上传的图片和视频。')).toContain(
      'media',
    );
    // a quoted button is no product: "上传视频" stays the user's videos
    expect(typesOf('您点击“上传视频”按钮时，我们会收集您上传的视频。')).toContain('media');
  });

  it('videos watched or played are no media of the user; a list of what counts as sensitive is a definition', () => {
    for (const text of [
      '如您拒绝提供手机号码进行核验，将导致注册失败，但不影响您使用视频的浏览、搜索、播放功能。',
      'Cookies let a user listen to audios or watch videos on the Platform.',
      'Web beacon 是装嵌在网站或电邮内的电子图像文件，可用于计算访客数目。',
      'We collect aggregated data about email click-through rates and video viewing.',
      'Flash cookies preserve video player settings.',
      'If you use assistive technology (such as a screen reader or voice recognition software), e-mail us.',
      'Our photographers use Photoshop for their work.',
    ])
      expect(typesOf(text), text).not.toContain('media');
    for (const text of [
      'You may provide information by typing or using voice commands.',
      'We collect the photos and videos you upload.',
    ])
      expect(typesOf(text), text).toContain('media');
    expect(
      typesOf('您在上传头像时，我们会请求您的相机、相册权限，并收集您上传的图片信息。'),
    ).toContain('media');
    expect(
      typesOf(
        '具体而言，个人信息中属于敏感个人信息的有：身份证件号码、生物识别信息、医疗健康信息、特定身份等。',
      ),
    ).toEqual([]);
    // What the policy says it covers is no collection either.
    expect(
      typesOf(
        '本隐私政策中涉及的个人敏感信息包括您的个人生物识别信息（包括面部特征）、通讯录信息。',
      ),
    ).toEqual([]);
  });

  it("a site's menu glued to the policy is no evidence; a table row is", () => {
    expect(
      typesOf(
        "Shop All Sports Cycling, Exercise… Bike Bikes, Bike Helmets… Exercise Fitness, Yoga… Water Stand Up Paddle, Kayaking… Women Women's Jackets",
      ),
    ).toEqual([]);
    expect(typesOf('Device Permission | Location Permission | GPS Location')).toContain('location');
    expect(typesOf('We collect fitness data such as your heart rate.')).toContain('health');
  });

  it('a heading run into its paragraph is quoted only when nothing else says it', () => {
    const quotes = (text: string) =>
      findSensitiveData(buildDoc({ text }), rules, [])
        .find((f) => f.type === 'location')
        ?.evidence.map((e) => e.quote);
    expect(
      quotes(
        'Information We Collect\n\n1.1 Location. To show the forecast for where you are, we collect your precise location (GPS).',
      ),
    ).toEqual(['To show the forecast for where you are, we collect your precise location (GPS).']);
    // Alone it still counts; a short sentence that says what is done is no heading.
    expect(quotes('Information We Collect\n\nLocation Information. See the app settings.')).toEqual(
      ['Location Information.'],
    );
    expect(quotes('Information We Collect\n\nWe collect location. It helps.')).toEqual([
      'We collect location.',
    ]);
    // In sentence case, a noun phrase ending in the data it heads is such a heading too.
    expect(
      quotes(
        'Data we collect\n\nLocation data. With your permission, we use your GPS to record your runs.',
      ),
    ).toEqual(['With your permission, we use your GPS to record your runs.']);
    expect(
      quotes('Data we collect\n\nWe share location data. Partners use it to show weather.'),
    ).toEqual(['We share location data.']);
  });

  it("the company's own contact list or an emergency contact is no address book", () => {
    expect(
      typesOf(
        'Should you unsubscribe from a newsletter you will be permanently removed from our contact list.',
      ),
    ).not.toContain('contacts');
    expect(typesOf('申请授信时，我们会收集您的家庭住址、紧急联系人信息。')).not.toContain(
      'contacts',
    );
    expect(typesOf('经您授权，我们会读取您的通讯录以便推荐好友。')).toContain('contacts');
  });

  it('a position on a page, screen or face is no location of the user', () => {
    for (const text of [
      '如本政策发生重大变更，我们将通过在显著位置提示或向您发送推送消息的方式通知您。',
      '我们会收集您在终端设备操作游戏时形成的点击压力和半径、点击相对位置、加速度方向等数据。',
      '我们会记录页面名称、元素位置、浏览器名。',
      '人脸特效功能会用于定位您面部五官位置。',
      'We record the advertisement, the number of times it was watched and its location in the game.',
      'This policy covers our U.S. stores, websites and other locations where you may interact with us.',
    ])
      expect(typesOf(text), text).not.toContain('location');
    expect(typesOf('经您授权，我们会收集您的位置信息以推荐附近的门店。')).toContain('location');
  });

  it('an SMS sent to the user, or SMS as a channel to reach them, is no communications data', () => {
    for (const text of [
      '如果您不想收到此类信息，您可以通过编辑“TD”并回复短信进行退订。',
      '我们将及时将事件相关情况以推送通知、邮件、信函、短信及相关形式告知您。',
      '我们会向您推送商业广告、商业性短信及其他营销信息。',
      '如您选择手机短信动态口令作为安全认证工具，我行将向您的签约手机号发送手机短信动态口令。',
      'We will promptly notify you of the incident by email, letter, text message or push notification.',
      'Sign up to receive SMS (text message) notifications;',
      'We use email, text messages, push notifications on your mobile device, and even paper mail.',
      'Caribou will only send our customers text messages regarding promotional offers if a customer asks.',
    ])
      expect(typesOf(text), text).not.toContain('communications');
    expect(typesOf('经您授权后，我们会读取您的短信内容和通话记录。')).toContain('communications');
  });

  it('texts the service sends are a channel; the messages and logs of the user are data', () => {
    for (const text of [
      'You can opt out of a text message by replying "STOP," or turn off notifications on your device.',
      'We may use your data to send promotional text messages or emails.',
      'You can stop receiving text messages and push notifications at any time by contacting us.',
      'The Library of Congress strives to provide the best experience for our Web and SMS users.',
      'You may follow the unsubscribe instructions included in the email messages you receive.',
      '如您不想接收商业性信息，可以根据短信内容提示退订。',
    ])
      expect(typesOf(text), text).not.toContain('communications');
    for (const text of [
      'We collect messages you send or receive through our communications services.',
      'We may also obtain the date, time and content of your messages.',
      'With your permission the app will read SMS messages on your device to fill in the code.',
      'We keep call recordings when you talk to customer service.',
    ])
      expect(typesOf(text), text).toContain('communications');
  });

  it('a denial after a list of examples denies the noun and each example', () => {
    for (const text of [
      'After a transaction, your private information (credit cards, social security numbers, financials, etc.) will not be stored on our servers.',
      'Your payment card details (such as card number and expiry date) will not be stored by us.',
      'Your precise location, for example GPS coordinates or nearby cell towers, is not collected.',
      '您的银行卡信息（如卡号、有效期）不会被保存。',
    ])
      expect(typesOf(text), text).toEqual([]);
    // the examples' own remark, or a denial of something else, leaves the practice standing
    expect(typesOf('We collect your location (such as GPS data) and it is not shared.')).toEqual([
      'location',
    ]);
    expect(
      typesOf(
        'We collect data, such as your precise location, to improve the app, and this is not sold.',
      ),
    ).toEqual(['location']);
  });

  it('the list of a definition split over sentences is a definition too', () => {
    // a heading names the term and the next sentence lists its kinds
    expect(
      typesOf(
        '10.2 个人敏感信息\n包括身份证件号码、个人生物识别信息、银行账号、行踪轨迹、健康生理信息等。',
      ),
    ).toEqual([]);
    // a definition sentence, then the rest of its list with no practice in it
    expect(
      typesOf(
        '个人信息：是指以电子或者其他方式记录的能够识别特定自然人的各种信息，包括姓名、出生日期。' +
          '健康生理信息、行踪轨迹、交易信息等。',
      ),
    ).toEqual([]);
    // a practice that ends by defining its words is followed by that practice's list
    expect(
      typesOf(
        '我们需要收集您的个人信息来保障帐号安全，具体个人信息是指\n\n' +
          '其中设备信息包括IMEI、硬件序列号。',
      ),
    ).toContain('device-id');
    // a heading that is no defined term does not make its list a definition
    expect(typesOf('10.2 位置信息\n包括您的精确位置。')).toContain('location');
  });

  it('reads 健康 as data only where it names health data', () => {
    for (const text of [
      '为营造公平、健康及安全的游戏环境，我们会收集您的游戏识别信息。',
      '我们会提示您健康用眼，并使用腾讯健康系统验证您的真实身份信息。',
      '拒绝授权后，APP健康检查功能无法使用。',
      '我们会采集您的人脸照片，用于活体检测和人脸比对。',
      '具体检查规则以页面说明为准。',
    ])
      expect(typesOf(text)).not.toContain('health');
    // A game's races and "identify you" are no special category.
    expect(typesOf('好友们可以跨区域、跨游戏种族进行聊天。')).toEqual([]);
    expect(typesOf('单独的软件列表信息无法识别您的特定身份。')).not.toContain('special-category');
    expect(typesOf('我们会收集您的身份证照片（包含姓名、民族、地址）。')).toContain(
      'special-category',
    );
    // The GDPR definition of personal data and a glossary of sensitive data collect nothing.
    expect(
      typesOf(
        "'Personal data' means any information relating to an identified or identifiable natural person; an identifiable natural person is one who can be identified by reference to location data, or to factors specific to the physical, physiological, genetic, mental or cultural identity of that person.",
      ),
    ).toEqual([]);
    expect(
      typesOf(
        'Sensitive personal information: this is a particular category of personal information relating to topics such as confidential medical facts, racial or ethnic origins, or religious beliefs.',
      ),
    ).toEqual([]);
    // "your device contacts our servers" is a verb; "your contacts" is an address book.
    expect(typesOf('We collect this when an app on your device contacts our servers.')).toEqual([]);
    expect(typesOf('We suggest recipients from your contacts.')).toEqual(['contacts']);
    for (const text of [
      '我们需要获取您设备的运动健康信息，用于统计步数。',
      '您可以主动添加您的健康档案。',
      '我们会收集您的体检报告和心率数据。',
    ])
      expect(typesOf(text)).toContain('health');
  });

  it('reads what someone owns as financial data, but not a company selling its assets', () => {
    expect(
      typesOf('For some financial products we might also ask for information about your assets.'),
    ).toEqual(['financial']);
    expect(typesOf('We ask for your net worth to check that the product suits you.')).toEqual([
      'financial',
    ]);
    expect(typesOf('为评估您的风险承受能力，我们会收集您的财产状况。')).toEqual(['financial']);
    expect(
      typesOf('Payment is handled by our processor, which receives your card details.'),
    ).toEqual(['financial']);
    expect(typesOf('We keep billing records for seven years.')).toEqual(['financial']);
    expect(
      typesOf('If we sell some or all of our assets, your information may be transferred.'),
    ).toEqual([]);
  });

  it('does not read near-misses as data', () => {
    expect(typesOf('This may endanger public health and safety.')).toEqual([]);
    expect(typesOf('It is the cornerstone of the healthy development of our business.')).toEqual(
      [],
    );
    expect(
      typesOf('Sensitive personal information refers to health, biometric and financial data.'),
    ).toEqual([]);
    // the legal definition of sensitive personal information lists kinds, it collects none
    expect(
      typesOf(
        '个人敏感信息是指一旦泄露、非法提供或滥用可能危害人身和财产安全的个人信息，主要包括：身份证件号码、个人生物识别信息、通信记录和内容、健康生理信息等。',
      ),
    ).toEqual([]);
    expect(
      typesOf(
        '其中一旦泄露、非法提供或滥用可能危害人身和财产安全的信息为个人敏感信息，包括宗教信仰、医疗健康。',
      ),
    ).toEqual([]);
    // a carrier as a company (one-tap login, a phone-number type) is no network data of the user
    for (const text of [
      '基于我们与通信运营商的合作，当您使用“一键登录”功能时，运营商会将您的手机号码发送给我们。',
      '当您向手机号转账（移动、电信及联通手机号、广电及虚拟运营商手机号）时，我行仅获取您点选的联系人。',
    ])
      expect(typesOf(text), text).not.toContain('network');
    expect(typesOf('我们会收集您的IP地址、运营商信息。')).toContain('network');
    // clicking a button is what the user does, not click data collected
    for (const text of [
      '您点击或勾选“同意”即视为您接受本隐私政策。',
      '您可以点击查看《个人信息收集清单》。',
      '在您点击“发布”确认上传之前，我们会将该内容临时加载至服务器。',
    ])
      expect(typesOf(text), text).not.toContain('browsing');
    expect(typesOf('我们会收集您的点击行为以向您推荐内容。')).toContain('browsing');
    // what a future update would need is no collection; a definition may open with 例如 or 可能包括
    for (const text of [
      '但是如果更新的内容需要采集视频、获取通讯录、联系方式、地理位置等个人敏感信息，仍会再次以显著方式征求您的同意。',
      '例如，个人敏感信息包括身份证件号码、个人生物识别信息、银行账号。',
      '本协议中涉及的个人信息可能包括：个人身份信息（包括身份证信息）、个人生物识别信息（包括指纹、面部特征）。',
    ])
      expect(typesOf(text), text).toEqual([]);
    // keeping one's password safe, and tracking pixels, are no data collected
    expect(typesOf('用户有义务妥善保管其账号及密码，并正确、安全地使用。')).toEqual([]);
    expect(
      typesOf(
        'It is important for you to protect against unauthorized access to your password and to your computer.',
      ),
    ).toEqual([]);
    for (const text of [
      'We use encryption techniques and other safeguards such as firewalls and password protection.',
      'Using HTTPS encryption when you authenticate helps prevent unauthorized access to your login credentials.',
      "While we protect our systems, you're responsible for keeping your password(s) and account information private.",
    ])
      expect(typesOf(text), text).not.toContain('credentials');
    expect(typesOf('You provide your login, e-mail address, and password.')).toContain(
      'credentials',
    );
    expect(
      typesOf('We also use pixel trackers, which are images embedded in a webpage.'),
    ).not.toContain('media');
    // a sentence opening with "personal information includes" defines the term (GB/T 35273)
    for (const text of [
      '个人信息包括姓名、出生日期、身份证件号码、个人生物识别信息、住址、通信记录和内容、健康生理信息等。',
      '（2）个人敏感信息包括身份证件号码、个人生物识别信息、银行账号、通信记录和内容、行踪轨迹。',
    ])
      expect(typesOf(text), text).toEqual([]);
    expect(typesOf('我们收集的个人信息包括您的姓名、身份证件号码。')).toEqual([
      'government-id',
      'contact-info',
    ]);
    expect(typesOf('我们会收集您的面部识别特征用于身份核验。')).toEqual(['biometric']);
    // "the information above may contain your sensitive information, e.g. …" lists the standard's
    // kinds as a reminder; a feature's own collected information that may contain a kind still counts
    for (const text of [
      '以上由您提供或我们收集您的信息中，可能包含您的个人敏感信息，例如身份证件号码、银行账号、健康生理信息。',
      '由您提供或我们收集您的个人信息中，也可能包含您个人的敏感信息，包括个人生物识别信息、银行账户。',
    ])
      expect(typesOf(text), text).toEqual([]);
    expect(
      typesOf('您使用服务中提供的信息中可能包含相应地理位置信息，例如您上传的图片中的地理标记。'),
    ).toContain('location');
    // text messages as a channel to reach the user are not their messages
    expect(typesOf('我们可能会以短信的方式，为你提供你可能感兴趣的服务。')).toEqual([]);
    expect(typesOf('您可以通过手机短信中提供的退订方式进行退订。')).toEqual([]);
    expect(typesOf('我们会读取您的短信内容以识别验证码。')).toContain('communications');
    // a share code read from the clipboard, or a login that needs no password, is no credential
    expect(
      typesOf('我们需要在设备本地访问您的剪切板，读取其中的口令、兑换码，用于实现分享功能。'),
    ).toEqual([]);
    expect(typesOf('开通后您可以使用免密登录。')).toEqual([]);
    expect(typesOf('注册时我们会收集您的账号名称、密码。')).toEqual(['credentials']);
    // where servers are hosted, and who a site is accessible to
    expect(typesOf('Our servers are housed in a secured co-location facility.')).toEqual([]);
    expect(
      typesOf(
        'We are committed to providing access to all individuals with or without disabilities.',
      ),
    ).toEqual([]);
    // "contact us through the details given" names the company's contact details, not the user's
    for (const text of [
      '如对本政策内容有任何疑问，您可通过本政策文末的联系方式与我们联系。',
      '您可以通过第九条约定的联系方式联系我们。',
      '我们会向您告知接收方的名称和联系方式。',
    ])
      expect(typesOf(text), text).not.toContain('contact-info');
    expect(typesOf('我们会收集您的联系方式，包括手机号码。')).toContain('contact-info');
    // contact details of the company are not the user's contact information
    expect(
      typesOf(
        'If you have questions, contact us at privacy@example.com or phone number 400-123-4567.',
      ),
    ).toEqual([]);
  });

  it('says who receives the data', () => {
    const doc = buildDoc({
      text: 'We collect your email address.\nOur advertising partners collect your IDFA through their SDK.',
    });
    const found = findSensitiveData(doc, rules, []);
    expect(found.find((f) => f.type === 'contact-info')?.party).toBe('first');
    expect(found.find((f) => f.type === 'device-id')?.party).toBe('third');
  });

  it('the name of a cookie policy is no browsing data collected', () => {
    for (const text of [
      '耐克隐私政策和 COOKIE 政策\n本隐私政策和Cookie政策（简称“隐私政策”）明确了我们如何处理您的个人信息。',
      'Please also read our Cookie Notice and our Cookie Policy.',
    ])
      expect(typesOf(text), text).not.toContain('browsing');
    expect(typesOf('例如我们可能会在App中使用诸如浏览器Cookies和其他类似技术。')).toContain(
      'browsing',
    );
    expect(typesOf('We use cookies as described in our Cookie Policy.')).toContain('browsing');
  });

  it('maps a snippet to data types for SDK tables', () => {
    expect(dataTypesIn('设备标识符（IMEI、OAID）、位置信息、应用安装列表')).toEqual([
      'location',
      'device-id',
      'app-list',
    ]);
    expect(dataTypesIn('Device ID, IP address')).toEqual(['device-id', 'network']);
  });

  it("an SDK row's web address (passport.example.com) or a table's column header names no data", () => {
    const row = (data: string) =>
      `第三方SDK列表\n梆梆加固,使用目的：加固App代码,数据类型：${data},官网链接：https://www.bangcle.com,隐私政策：https://passport.bangcle.com/authcenter/users/agreement`;
    // a flattened table's column header "Link to Privacy Policy | Location" is where a processor sits
    expect(
      dataTypesIn('Payment Processor Link to Privacy Policy Location Digital River Ireland'),
    ).toEqual([]);
    expect(dataTypesIn('Digital River receives your billing location')).toEqual(['location']);
    expect(dataTypesIn(row('无'))).toEqual([]);
    expect(dataTypesIn(row('护照号码'))).toEqual(['government-id']);
    const sdkTypes = (text: string) =>
      analyze({ text }).sdks.find((s) => s.name === 'Bangcle')?.dataTypes;
    expect(sdkTypes(row('无'))).toEqual([]);
    expect(sdkTypes(row('护照号码'))).toEqual(['government-id']);
  });

  it('quotes are exact substrings with a valid section index', () => {
    const text =
      '# Privacy Policy\n## 1. What we collect\nWe collect your phone number and photos.';
    const doc = buildDoc({ text });
    for (const f of findSensitiveData(doc, rules, [])) {
      for (const e of f.evidence) {
        expect(text.includes(e.quote)).toBe(true);
        expect(doc.sections[e.section]).toBeDefined();
      }
    }
  });

  it('honours disabled types and custom terms', () => {
    const custom = compileDataTypeRules({
      disabledTypes: ['device-id'],
      customTerms: [{ area: 'data-type', target: 'health', pattern: 'blood sugar' }],
    });
    const found = findSensitiveData(
      buildDoc({ text: 'We collect your IMEI and blood sugar readings.' }),
      custom,
      [],
    );
    expect(found.map((f) => f.type)).toEqual(['health']);
  });
});

describe('what the reader watched', () => {
  it('viewing and watch history are browsing, in English and Chinese', () => {
    expect(
      typesOf('Our smart TV app collects viewing history, including the shows you watch.'),
    ).toContain('browsing');
    expect(typesOf('We keep your watch history so you can resume a video.')).toContain('browsing');
    expect(
      typesOf('当您使用本服务时，我们会收集您的视频播放记录，使您能够查看您的观看历史。'),
    ).toContain('browsing');
  });
});
