"""Given names that nearly always belong to one gender, for "he"/"she" to find their person.

Common English given names (and their usual short forms) plus names frequent in international
news; names used for both (Leslie, Jordan, Kim, Jean) or for places (Georgia, Virginia) are left
out, so a name missing here just leaves the gender to the text (a title, an honorific, the he/she after it).
"""

from __future__ import annotations

_MALE = """
aaron abdul abdullah abraham abu adam adrian ahmed ahmad ajay akira albert alberto alejandro alessandro
alexander
alexei alexey alfred ali alistair allan alphonse amir anatoly andre andreas andrei andrew andrey andy
angus anthony antoine anton antonio archibald archie arnold arthur augustus austin barack barnaby barney
bartholomew ben benedict benjamin benny bernard bert bertie bertram bill billy bob bobby boris brad bradley
brendan brian bruce bruno bryan buck carl carlos cecil cedric charles charlie chester chris christopher chuck
clarence claude clement clifford clint clive colin conrad cornelius craig cyril dale dan daniel danny darren
dave david dean denis dennis derek desmond dick dimitri dmitri dmitry dominic don donald doug douglas duncan
dwight earl ed eddie edgar edmund eduardo edward edwin elias elijah elliot emile emmanuel enrique eric ernest
ernst erwin eugene evan ezra felix ferdinand fernando fred freddie frederick fritz gabriel garrett gary gavin
geoffrey george gerald gerard gilbert giovanni giuseppe glenn godfrey gordon graham greg gregory gustav guy
hamid hans harold harry harvey hassan hector helmut henri henry herbert herman hiroshi horace howard hubert
hugh hugo humphrey ian ibrahim igor isaac ivan jack jacob jake james jared jason jasper javier
jay jeff jeffrey jeremiah jeremy jerome jerry jesse jim jimmy joe joel johann john johnny jonathan jorge jose
joseph josh joshua juan julian julius justin karl keith ken kenneth kevin khalid kirk kurt lance larry
laurence lawrence leo leon leonard leopold lewis lincoln lionel lloyd lorenzo louis luca lucas luigi
luis luke lyndon malcolm manuel marc marcel marco marcus mario mark martin marvin matt matthew maurice max
maxwell michael miguel mike miles mitchell mohamed mohammad mohammed morris moses muhammad murray nathan
nathaniel neil nelson nicholas nick nicolas nigel noah norman oleg oliver omar oscar oswald otto owen pablo
patrick paul pedro percy pete peter phil philip phillip pierre quentin ralph ramon randolph randy raphael ray
raymond reginald rex richard rick ricky rob robert roberto rod roderick rodney roger roland ron
ronald ross roy rudolf rudolph rufus rupert russell ryan salvador samuel saul scott sean sebastian
sergei sergey seth shane sidney silas simon solomon spencer stanley stefan stephen steve steven stuart sven
ted teddy terence theo theodore thomas tim timothy toby tom tommy tony travis trevor tristan tyler
ulysses uriah victor vincent vladimir wallace walter warren wayne wilfred will william winston
wolfgang xavier yuri yusuf zachary
ethan logan aiden jayden brandon dylan cody kyle connor caleb isaiah derrick terrence tyrone malik jamal
darnell deshawn trayvon dwayne shawn wesley bryce dustin trent brett clayton diego ricardo sergio francisco
rafael andres hussein osama bashar mahmoud recep narendra rahul imran nawaz ashraf rodrigo keir rishi elon
bernie mitt newt rudy
"""
_FEMALE = """
jasmine madison mia ava chloe kayla brianna amber danielle brittany courtney nicole tiffany crystal kimberly
michelle donna victoria tammy lori gail paula erica erin tara hilary oprah beyonce rihanna malala greta kamala
nikki ivanka melania
abigail ada adela adelaide adele agatha agnes aileen alice alicia alison amanda amelia amy anastasia andrea
angela angelina anita ann anna anne annette annie antoinette arabella audrey augusta barbara beatrice becky
belinda bella bernadette bertha beryl bess bessie beth betsy betty beverly blanche bonnie brenda bridget
camilla candace carla carmen carol caroline carolyn catherine cecilia cecily celia charlotte cheryl christina
christine cindy claire clara clarissa claudia colette constance cora cordelia cynthia daisy daphne dawn
deborah
debra delia denise diana diane dinah dolly dolores dora doris dorothea dorothy edith edna eileen elaine
eleanor
elena elinor eliza elizabeth ella ellen elsa elsie emilia emily emma esther ethel eugenia eunice eva evelyn
fanny fatima felicity fiona flora florence frances gabrielle georgiana geraldine gertrude gillian
gina ginny gladys gloria grace gwendolyn hannah harriet hazel heather heidi helen helena henrietta hester
hilda hillary holly ida ingrid irene iris isabel isabella isabelle ivy jacqueline jane janet janice jeanette
jennifer jenny jessica jessie jill joan joanna jocelyn josephine joy joyce judith judy julia julie juliet
june karen katharine katherine kathleen kathryn kathy kate katie katy kitty laura lauren lavinia leah lena
lilian lillian lily linda lisa lizzie lizzy lois lorna lorraine louisa louise lucia lucille lucy lydia mabel
madeleine madeline maggie mamie marcia margaret margery margot maria marian marianne marie marilyn marion
marjorie martha mary matilda maud maude maureen maxine meg megan melanie melinda melissa mildred
millicent millie minnie miranda miriam molly monica muriel myra nadia nan nancy naomi natalie natasha nell
nellie nora norah olga olive olivia pamela patricia pauline peggy penelope phoebe phyllis polly priscilla
prudence rachel rebecca regina rita roberta rosa rosalind rosamond rose rosemary ruth sally samantha sandra
sara sarah sharon sheila shirley sophia sophie stella stephanie susan susanna susannah suzanne sybil sylvia
tatiana teresa tess tessa theresa tina ursula valerie vanessa vera veronica viola violet
vivian wendy wilhelmina winifred yvonne zoe
"""


GIVEN_NAME_GENDER: dict[str, str] = {**{w: "m" for w in _MALE.split()}, **{w: "f" for w in _FEMALE.split()}}
